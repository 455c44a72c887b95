namespace ServerlessShield;

// A test on a string value, read as a span so that checking it allocates nothing.
internal delegate bool ValuePredicate(ReadOnlySpan<char> value);
