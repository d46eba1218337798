/** Absolute path of the breach config JSON, fixed by astro.config.mjs at build time. */
declare const __BREACH_CONFIG_PATH__: string;
