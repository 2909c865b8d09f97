/* screen-init.c — what every screen's constructor sets first: its hooks,
 * its key-bar actions and its title. */
#include "tui-core.h"

#include <stdio.h>

void tui_screen_init(tui_screen *s, tui_ctx *cx, const tui_screen_hooks *h, const tui_action *actions,
                     const char *title)
{
    s->cx = cx;
    s->draw = h->draw;
    s->key = h->key;
    s->resume = h->resume;
    s->destroy = h->destroy;
    s->relabel = h->relabel;
    s->actions = actions;
    snprintf(s->title, sizeof s->title, "%s", title);
}
