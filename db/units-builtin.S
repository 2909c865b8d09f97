/* units-builtin.S — the official unit lists of db/unit-lists/, built into the
 * program as read-only bytes (see units_builtin in units.h). Each file is
 * followed by a NUL byte; its size is end - start. */
    .section .rodata
    .balign 16
    .global cdtt_units_2025_07
cdtt_units_2025_07:
    .incbin "db/unit-lists/units-2025-07.csv"
    .global cdtt_units_2025_07_end
cdtt_units_2025_07_end:
    .byte 0

    .balign 16
    .global cdtt_units_pre_2025
cdtt_units_pre_2025:
    .incbin "db/unit-lists/units-2025-01-gso.csv"
    .global cdtt_units_pre_2025_end
cdtt_units_pre_2025_end:
    .byte 0

    .balign 16
    .global cdtt_units_mapping
cdtt_units_mapping:
    .incbin "db/unit-lists/units-2025-07-from-pre-2025.csv"
    .global cdtt_units_mapping_end
cdtt_units_mapping_end:
    .byte 0

    .section .note.GNU-stack,"",%progbits
