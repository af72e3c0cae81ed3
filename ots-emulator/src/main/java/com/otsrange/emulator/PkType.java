package com.otsrange.emulator;

/** Primary key column types, with the PlainBuffer value type byte each one travels as. */
enum PkType {
    INTEGER((byte) 0), STRING((byte) 3), BINARY((byte) 7);

    final byte wireType;

    PkType(byte wireType) { this.wireType = wireType; }
}
