// Small non-variadic wrappers around libedit's variadic el_set/el_get/history calls, which Swift cannot
// call directly. Each is static inline, so this system-library module needs no compiled C source.
#ifndef CEDITLINE_SHIM_H
#define CEDITLINE_SHIM_H

#include <histedit.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>

typedef char *(*ceditline_prompt_fn)(EditLine *);
typedef unsigned char (*ceditline_command_fn)(EditLine *, int);

static inline int ceditline_set_prompt(EditLine *el, ceditline_prompt_fn prompt) { return el_set(el, EL_PROMPT, prompt); }
static inline int ceditline_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }
static inline int ceditline_set_history(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }
static inline int ceditline_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }
static inline int ceditline_bind(EditLine *el, const char *key, const char *command) { return el_set(el, EL_BIND, key, command, NULL); }
static inline int ceditline_add_function(EditLine *el, const char *name, const char *help, ceditline_command_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}
static inline int ceditline_set_client_data(EditLine *el, void *data) { return el_set(el, EL_CLIENTDATA, data); }
static inline void *ceditline_client_data(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}

static inline int ceditline_history_set_size(History *h, int size) { HistEvent ev; return history(h, &ev, H_SETSIZE, size); }
static inline int ceditline_history_set_unique(History *h, int unique) { HistEvent ev; return history(h, &ev, H_SETUNIQUE, unique); }
static inline int ceditline_history_enter(History *h, const char *line) { HistEvent ev; return history(h, &ev, H_ENTER, line); }
static inline int ceditline_history_clear(History *h) { HistEvent ev; return history(h, &ev, H_CLEAR); }

// Return codes of editor commands (histedit.h defines them as macros Swift does not import as constants).
static const unsigned char ceditline_cc_refresh = CC_REFRESH;
static const unsigned char ceditline_cc_redisplay = CC_REDISPLAY;
static const unsigned char ceditline_cc_error = CC_ERROR;
static const unsigned char ceditline_cc_newline = CC_NEWLINE;

#endif
