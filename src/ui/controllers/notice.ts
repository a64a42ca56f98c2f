/** Something a controller has to say on screen: an i18n key and its parameters (the markup translates it). */
export interface Notice {
  key: string;
  params?: Record<string, unknown>;
}
