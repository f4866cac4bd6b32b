/** `@seal/shared/time`: times as people in China read them (Beijing time). */
export * from './beijing-time';
export * from './seal-validity';
