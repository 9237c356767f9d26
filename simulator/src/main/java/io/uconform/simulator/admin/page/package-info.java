/**
 * The board page: an inline-SVG drawing of the board from its header layout
 * ({@link io.uconform.simulator.admin.page.BoardLayouts}), the run status, events and console,
 * rendered complete on the server; its inline script keeps it live.
 */
package io.uconform.simulator.admin.page;
