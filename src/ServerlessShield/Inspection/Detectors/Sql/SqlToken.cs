namespace ServerlessShield;

// One token: its class, where it lies in the value, and for words their SQL meaning. Strings record whether the
// closing quote was found (an open string at the end is closed by the application's own quote); Tag is the first
// character of operators, comments and variables, which is what the rules need to tell them apart.
internal readonly record struct SqlToken(SqlTokenKind Kind, int Start, int Length, SqlWord Word = SqlWord.Identifier, bool Closed = true, char Tag = '\0')
{
    public int End => Start + Length;

    public bool Is(SqlTokenKind kind) => Kind == kind;

    public bool Is(SqlWord word) => Kind == SqlTokenKind.Word && Word == word;

    public bool IsIdentifier => Kind == SqlTokenKind.Word && Word == SqlWord.Identifier;

    // AND, OR, XOR, &&, ||.
    public bool IsLogical => Kind == SqlTokenKind.Logical || (Kind == SqlTokenKind.Word && Word is SqlWord.And or SqlWord.Or or SqlWord.Xor);

    // A literal or name that can stand as an operand.
    public bool IsOperand => Kind is SqlTokenKind.String or SqlTokenKind.Number or SqlTokenKind.Variable
        || (Kind == SqlTokenKind.Word && Word is SqlWord.Identifier or SqlWord.Null or SqlWord.True or SqlWord.False);

    public bool IsLiteral => Kind is SqlTokenKind.String or SqlTokenKind.Number
        || (Kind == SqlTokenKind.Word && Word is SqlWord.Null or SqlWord.True or SqlWord.False);
}
