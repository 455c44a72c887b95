using System.Buffers;

namespace ServerlessShield;

// SQL injection. The value is read the ways an application may embed it: inside a single-quoted literal, inside a
// double-quoted literal, inside a backtick-quoted identifier, or bare (a number or a name). In a quoted reading the
// value only escapes at its first unescaped quote; what follows that breakout must continue the query as SQL
// (SqlInjectionPoint). In the bare reading the same is asked after the leading operand, and after each URL
// separator (a path or query string carrying the payload). In every reading, constructs that are SQL wherever they
// stand are looked for at every token (SqlSignatures), and quoted literals inside the value (JSON or XML carrying
// the payload) are read as values of their own. Comments, MySQL executable comments and case tricks are absorbed
// by the tokenizer (SqlLexer).
internal sealed class SqlInjectionDetector : IInjectionDetector
{
    // Budget for the injection points after URL separators, which can be many.
    private const int SeparatorBudget = 64;

    // Literals shorter than this cannot hold an injection worth reading separately.
    private const int MinNestedLength = 4;

    public ShieldRule Rule => ShieldRules.SqlInjection;

    public bool IsMatch(ReadOnlySpan<char> value) => IsMatch(value, nested: false);

    private static bool IsMatch(ReadOnlySpan<char> value, bool nested) =>
        SqlProbe.MentionsLogHiding(value) || ((!DetectorShortcuts.Enabled || SqlCandidate.MayBeSql(value)) && IsMatchRead(value, nested));

    private static bool IsMatchRead(ReadOnlySpan<char> value, bool nested) =>
        IsAttackInBareReading(value, nested)
        || (value.IndexOfAny(SingleQuotes) >= 0 && IsAttackInQuotedReading(value, '\''))
        || (value.Contains('"') && IsAttackInQuotedReading(value, '"'))
        || (value.Contains('`') && IsAttackInQuotedReading(value, '`'))
        || SqlProbe.IsDanglingCall(value) || SqlProbe.HasExecutableComment(value);

    private static ReadOnlySpan<char> SingleQuotes => "'\u2018\u2019\u2032\u02BC";

    private static bool IsAttackInQuotedReading(ReadOnlySpan<char> value, char quote)
    {
        var lexer = new SqlLexer(value);
        var literal = lexer.ReadContinuedString(quote);

        // Backticks quote identifiers, and text uses them for code: only clause-level continuations count there.
        return literal.Closed && (SqlInjectionPoint.IsAttack(lexer, quoted: quote != '`', literal) || HasSignature(lexer));
    }

    private static bool IsAttackInBareReading(ReadOnlySpan<char> value, bool nested)
    {
        var lexer = new SqlLexer(value);
        var afterOperand = SkipLeadingOperand(lexer, out var operand);
        if (SqlInjectionPoint.IsAttack(afterOperand, quoted: false, operand) || SqlInjectionPoint.IsAttack(lexer, quoted: false, valueStart: !nested))
        {
            return true;
        }

        var budget = SqlInjectionPoint.DefaultBudget;
        var statementStart = lexer;
        if (SqlStatementReader.IsStatement(statementStart.NextCode(), ref statementStart, ref budget, standalone: true))
        {
            return true;
        }

        var previous = default(SqlToken);
        while (true)
        {
            var token = lexer.NextCode();
            if (token.Is(SqlTokenKind.End))
            {
                return false;
            }

            if (SqlSignatures.IsMatchAt(previous, token, lexer)
                || (IsUrlSeparator(token, value) && IsAttackAfterSeparator(lexer))
                || (!nested && token.Is(SqlTokenKind.String) && token.Closed && token.Length - 2 >= MinNestedLength
                    && CanHoldInjection(value.Slice(token.Start + 1, token.Length - 2))
                    && IsMatchInLiteral(value.Slice(token.Start + 1, token.Length - 2))))
            {
                return true;
            }

            previous = token;
        }
    }

    // The content of a JSON or XML string value, with its backslash escapes removed (x\" OR \"1\"=\"1 is what the
    // application receives as x" OR "1"="1).
    private static bool IsMatchInLiteral(ReadOnlySpan<char> literal)
    {
        if (literal.IndexOf('\\') < 0)
        {
            return IsMatch(literal, nested: true);
        }

        var buffer = ArrayPool<char>.Shared.Rent(literal.Length);
        try
        {
            var length = 0;
            for (var i = 0; i < literal.Length; i++)
            {
                if (literal[i] == '\\' && i + 1 < literal.Length && literal[i + 1] is '"' or '\'' or '\\')
                {
                    i++;
                }

                buffer[length++] = literal[i];
            }

            return IsMatch(buffer.AsSpan(0, length), nested: true);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    // A literal of one word (an id, an email, a name) holds no statement; only spaced or punctuated text is re-read.
    private static bool CanHoldInjection(ReadOnlySpan<char> literal) => literal.IndexOfAny(InjectionPunctuation) >= 0;

    private static ReadOnlySpan<char> InjectionPunctuation => " \t\n\r'\"();=#/+\u00A0";

    private static bool HasSignature(SqlLexer lexer)
    {
        var previous = default(SqlToken);
        while (true)
        {
            var token = lexer.NextCode();
            if (token.Is(SqlTokenKind.End))
            {
                return false;
            }

            if (SqlSignatures.IsMatchAt(previous, token, lexer))
            {
                return true;
            }

            previous = token;
        }
    }

    // A fresh value starts after the separator: either an operand and then the injection (id=1 OR 1=1), or a
    // keyword right away (/get/OR ...). Symbols right after a separator ("=||PAGE=2") are the URL's own syntax.
    private static bool IsAttackAfterSeparator(SqlLexer lexer)
    {
        var afterOperand = SkipLeadingOperand(lexer);
        if (afterOperand.Position == lexer.Position && !lexer.PeekCode().Is(SqlTokenKind.Word))
        {
            return false;
        }

        return SqlInjectionPoint.IsAttack(afterOperand, quoted: false, budget: SeparatorBudget, strict: true);
    }

    // / ? & = : where a URL path segment or query parameter (and so a fresh value) begins.
    private static bool IsUrlSeparator(SqlToken token, ReadOnlySpan<char> value) =>
        token.Length == 1 && value[token.Start] is '/' or '?' or '&' or '=';

    // A bare reading starts with the value the application expected: [-]number, a name, a variable or a string.
    private static SqlLexer SkipLeadingOperand(SqlLexer lexer) => SkipLeadingOperand(lexer, out _);

    private static SqlLexer SkipLeadingOperand(SqlLexer lexer, out SqlToken operand)
    {
        // The expected value may itself be an arithmetic expression: -9-(2), (HOPE)*1, 1+pi().
        operand = default;
        var probe = lexer;
        var budget = SeparatorBudget;
        var read = lexer;
        while (--budget > 0)
        {
            var token = probe.NextCode();
            while (token.Kind == SqlTokenKind.Arithmetic && token.Length == 1 && token.Tag is '-' or '+' or '~')
            {
                token = probe.NextCode();
            }

            if (token.Kind is SqlTokenKind.Number or SqlTokenKind.String or SqlTokenKind.Variable || token.IsIdentifier)
            {
                if (token.IsIdentifier && probe.PeekCode().Is(SqlTokenKind.LeftParen))
                {
                    probe.NextCode();
                    SqlExpressionReader.SkipBalanced(ref probe, ref budget, out _);
                }
            }
            else if (token.Is(SqlTokenKind.LeftParen))
            {
                if (!SqlExpressionReader.SkipBalanced(ref probe, ref budget, out _))
                {
                    return read;
                }
            }
            else
            {
                return read;
            }

            operand = operand.Kind == SqlTokenKind.End ? token : operand;
            read = probe;
            var next = probe.PeekCode();
            if (!(next.Kind == SqlTokenKind.Arithmetic && next.Length == 1))
            {
                return read;
            }

            probe.NextCode();
        }

        return read;
    }
}
