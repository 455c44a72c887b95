namespace ServerlessShield;

// The lexical classes the SQL tokenizer produces.
internal enum SqlTokenKind
{
    End,
    String,
    Number,
    Word,
    Variable,
    Comparison,
    Logical,
    Arithmetic,
    Operator,
    LeftParen,
    RightParen,
    Comma,
    Semicolon,
    Dot,
    Comment,
    Other,
}
