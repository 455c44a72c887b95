namespace ServerlessShield;

// Where a secret pattern matched: text[Start..SecretStart] is the label that stays (a key and its '=', a scheme),
// text[SecretStart..End] the secret itself.
internal readonly record struct SecretMatch(int Start, int SecretStart, int End);
