import { mount } from 'svelte';
import App from './ui/App.svelte';
import './ui/styles.css';
import { watchKeyboardPresence } from './ui/keyboardPresence.ts';

watchKeyboardPresence();

mount(App, { target: document.getElementById('app')! });
