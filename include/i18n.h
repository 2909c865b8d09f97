/* i18n.h — choosing the language of messages and making the terminal UTF-8. */
#ifndef CDTT_I18N_H
#define CDTT_I18N_H

/* Sets the locale from the environment, falls back to C.UTF-8 for characters
 * when the environment's locale is missing or not UTF-8 (returns 1 then, so the
 * caller can say so once), and selects the message language ("vi" or "en")
 * whatever the user's locale is. Returns 0 or 1. */
int i18n_init(const char *lang);

/* 1 when i18n_init found no UTF-8 locale and used C.UTF-8 for characters. */
int i18n_fell_back(void);

/* Switches the message language later ("vi" or "en"). */
void i18n_set_lang(const char *lang);

/* The language currently selected ("vi" or "en"). */
const char *i18n_lang(void);

#endif
