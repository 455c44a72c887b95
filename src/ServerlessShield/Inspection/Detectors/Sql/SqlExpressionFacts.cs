namespace ServerlessShield;

// What reading one SQL expression found: the constructs in it and the token that ended it.
internal struct SqlExpressionFacts
{
    public int Operands;
    public bool HasComparison;

    // A comparison of two literals or of a name with itself: 1=1, 'a'='a', 2>1, x=x (a tautology or contradiction).
    public bool HasLiteralComparison;
    public bool HasCall;
    public bool HasSubquery;
    public bool HasLogical;
    public bool EndsInOpenString;

    // The expression ends in an empty open string: the application's own closing quote completes it ('-').
    public bool EndsInEmptyOpenString;

    // A comment sat between the expression's tokens (/**/ as a space is an evasion, not prose).
    public bool HasComment;

    // The expression stopped where an operand was required (e.g. "x AND" at the end).
    public bool Incomplete;

    // The token budget ran out before the expression ended; long expressions are given the benefit of the doubt.
    public bool OutOfBudget;

    // A comment came right before the terminator: the rest of the application's query is cut off.
    public bool CommentBeforeTerminator;

    public SqlToken Terminator;

    // The last literal or name read (calls and parenthesised operands leave it alone).
    public SqlToken LastOperand;

    // Comparison, call or subquery: the expression does something a single value never does.
    public readonly bool IsActive => HasComparison || HasCall || HasSubquery;
}
