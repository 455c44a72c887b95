namespace ServerlessShield;

// Reads one SQL expression from the token stream, loosely but faithfully enough to tell SQL from prose: operands
// (literals, names, calls, parenthesised expressions and subqueries, CASE, EXISTS) must alternate with operators
// (comparison, arithmetic, AND/OR, LIKE, IN, IS, BETWEEN...). It stops at the first token that cannot continue the
// expression and reports it as the terminator. Every read spends from a token budget, so the cost stays linear.
internal static class SqlExpressionReader
{
    private const int MaxDepth = 12;

    public static SqlExpressionFacts Read(ref SqlLexer lexer, ref int budget)
    {
        var first = lexer.NextCode(out var comment);
        var facts = ReadFrom(ref lexer, first, ref budget, 0);
        facts.HasComment |= comment;
        return facts;
    }

    public static SqlExpressionFacts ReadFrom(ref SqlLexer lexer, SqlToken first, ref int budget, int depth = 0)
    {
        var facts = default(SqlExpressionFacts);
        var token = first;
        var comment = false;
        var expectOperand = true;
        var comparedOperand = default(SqlToken);
        var previousOperand = default(SqlToken);
        var comparing = false;
        var casting = false;
        while (true)
        {
            if (--budget < 0)
            {
                facts.OutOfBudget = true;
                facts.Terminator = new SqlToken(SqlTokenKind.End, lexer.Position, 0);
                return facts;
            }

            if (expectOperand)
            {
                if (IsUnary(token))
                {
                    facts.HasComment |= comment;
                    token = lexer.NextCode(out comment);
                    continue;
                }

                var operandsBefore = facts.Operands;
                var lastBefore = facts.LastOperand;
                if (!TryReadOperand(ref lexer, token, ref facts, ref budget, depth))
                {
                    facts.Incomplete = true;
                    facts.Terminator = token;
                    facts.CommentBeforeTerminator = comment;
                    return facts;
                }

                // A comment between the expression's own tokens (not the one before its terminator).
                facts.HasComment |= comment;

                // The operand just read, when it was a single literal or name (not a call or a group).
                var simple = facts.Operands == operandsBefore + 1 && facts.LastOperand != lastBefore ? facts.LastOperand : default;
                if (casting)
                {
                    // x::type: the type name belongs to the operand before it.
                    casting = false;
                }
                else
                {
                    if (comparing && IsSameValue(comparedOperand, simple, lexer.Text))
                    {
                        facts.HasLiteralComparison = true;
                    }

                    previousOperand = simple;
                }

                comparing = false;
                expectOperand = false;
            }
            else if (TryReadOperator(ref lexer, token, ref facts))
            {
                facts.HasComment |= comment;
                expectOperand = true;
                comparing = token.Kind == SqlTokenKind.Comparison;
                comparedOperand = previousOperand;
                casting = token.Kind == SqlTokenKind.Operator && token.Tag == ':' && token.Length == 2 && lexer.Text[token.Start + 1] == ':';
            }
            else if (token.Tag == '[')
            {
                // x[1], array['a','b']: PostgreSQL subscripts and array constructors.
                SkipBrackets(ref lexer, ref budget);
            }
            else if (token.Is(SqlTokenKind.String) && lexer.Text[token.Start] is '\'' or '"' && IsAfterString(lexer.Text, token.Start))
            {
                // 'a' 'b': adjacent literals concatenate in MySQL.
                facts.Operands++;
                facts.EndsInOpenString = !token.Closed;
                facts.EndsInEmptyOpenString = !token.Closed && token.Length == 1;
            }
            else
            {
                facts.Terminator = token;
                facts.CommentBeforeTerminator = comment;
                return facts;
            }

            token = lexer.NextCode(out comment);
        }
    }

    private static void SkipBrackets(ref SqlLexer lexer, ref int budget)
    {
        while (--budget >= 0)
        {
            var token = lexer.NextCode();
            if (token.Is(SqlTokenKind.End) || token.Tag == ']')
            {
                return;
            }
        }
    }

    // Skips to the parenthesis that closes one already consumed, noting whether a SELECT appears inside.
    public static bool SkipBalanced(ref SqlLexer lexer, ref int budget, out bool hasSelect)
    {
        hasSelect = false;
        var depth = 1;
        while (--budget >= 0)
        {
            var token = lexer.NextCode();
            switch (token.Kind)
            {
                case SqlTokenKind.End:
                    return false;
                case SqlTokenKind.LeftParen:
                    depth++;
                    break;
                case SqlTokenKind.RightParen when --depth == 0:
                    return true;
                case SqlTokenKind.Word when token.Word == SqlWord.Select:
                    hasSelect = true;
                    break;
                default:
                    break;
            }
        }

        return false;
    }

    private static bool IsUnary(SqlToken token) =>
        (token.Kind == SqlTokenKind.Arithmetic && token.Length == 1 && IsSignOrComplement(token)) // - + ~
        || token.Kind == SqlTokenKind.Operator && token.Length == 1 // !
        || token.Is(SqlWord.Not) || token.Is(SqlWord.Binary);

    // Both sides are literals (1=1, 'a'='b', 2>1) or the same name (x=x).
    private static bool IsSameValue(SqlToken left, SqlToken right, ReadOnlySpan<char> text)
    {
        if (left.Kind == SqlTokenKind.End || right.Kind == SqlTokenKind.End)
        {
            return false;
        }

        if (left.IsLiteral && right.IsLiteral)
        {
            return true;
        }

        return left.IsIdentifier && right.IsIdentifier
            && text.Slice(left.Start, left.Length).Equals(text.Slice(right.Start, right.Length), StringComparison.OrdinalIgnoreCase);
    }

    // Whether the nearest non-space character before index closes a string literal.
    private static bool IsAfterString(ReadOnlySpan<char> text, int index)
    {
        var i = index - 1;
        while (i >= 0 && LexChars.IsSpace(text[i]))
        {
            i--;
        }

        return i >= 0 && text[i] is '\'' or '"';
    }

    private static bool IsSignOrComplement(SqlToken token) => token.Tag is '-' or '+' or '~';

    private static bool TryReadOperand(ref SqlLexer lexer, SqlToken token, ref SqlExpressionFacts facts, ref int budget, int depth)
    {
        switch (token.Kind)
        {
            case SqlTokenKind.String:
                facts.Operands++;
                facts.LastOperand = token;
                facts.EndsInOpenString = !token.Closed;
                facts.EndsInEmptyOpenString = !token.Closed && token.Length == 1;
                return true;
            case SqlTokenKind.Number or SqlTokenKind.Variable:
                facts.Operands++;
                facts.LastOperand = token;
                return true;
            case SqlTokenKind.LeftParen:
                facts.Operands++;
                return ReadParenthesised(ref lexer, ref facts, ref budget, depth);
            case SqlTokenKind.Word:
                return TryReadWordOperand(ref lexer, token, ref facts, ref budget);
            default:
                return false;
        }
    }

    private static bool TryReadWordOperand(ref SqlLexer lexer, SqlToken token, ref SqlExpressionFacts facts, ref int budget)
    {
        switch (token.Word)
        {
            case SqlWord.Null or SqlWord.True or SqlWord.False:
                facts.Operands++;
                facts.LastOperand = token;
                return true;
            case SqlWord.Case:
                // CASE [x] WHEN ... THEN ... END: skip to its END; a conditional is an active construct, but only
                // with its WHEN ("case 13 inch" is a product, not SQL).
                var sawWhen = false;
                while (--budget >= 0)
                {
                    var part = lexer.NextCode();
                    sawWhen |= part.Is(SqlWord.When);
                    if (part.Is(SqlTokenKind.End) || part.Is(SqlWord.End))
                    {
                        break;
                    }
                }

                facts.Operands++;
                facts.HasCall |= sawWhen;
                return sawWhen;
            case SqlWord.Exists:
                if (!lexer.PeekCode().Is(SqlTokenKind.LeftParen))
                {
                    return false;
                }

                lexer.NextCode();
                SkipBalanced(ref lexer, ref budget, out _);
                facts.Operands++;
                facts.HasSubquery = true;
                return true;
            default:
                break;
        }

        // A name, possibly qualified (schema.table.column), possibly called. Keywords count only when called
        // (IF(, REPLACE(, LEFT(, CHAR(...)), except object words that double as column names (user, table).
        var next = lexer.PeekCode();
        while (next.Is(SqlTokenKind.Dot))
        {
            lexer.NextCode();
            var member = lexer.NextCode();
            if (member.Kind is not (SqlTokenKind.Word or SqlTokenKind.Arithmetic))
            {
                return false;
            }

            token = member with { Word = SqlWord.Identifier };
            next = lexer.PeekCode();
        }

        if (next.Is(SqlTokenKind.LeftParen))
        {
            lexer.NextCode();
            SkipBalanced(ref lexer, ref budget, out var hasSelect);
            facts.HasCall = true;
            facts.HasSubquery |= hasSelect;
            facts.Operands++;
            return true;
        }

        if (token.Word is SqlWord.Identifier or SqlWord.Object)
        {
            facts.Operands++;
            facts.LastOperand = token;
            return true;
        }

        return false;
    }

    private static bool ReadParenthesised(ref SqlLexer lexer, ref SqlExpressionFacts facts, ref int budget, int depth)
    {
        var first = lexer.NextCode();
        if (first.Is(SqlWord.Select))
        {
            SkipBalanced(ref lexer, ref budget, out _);
            facts.HasSubquery = true;
            return true;
        }

        if (depth >= MaxDepth)
        {
            SkipBalanced(ref lexer, ref budget, out var hasSelect);
            facts.HasSubquery |= hasSelect;
            return true;
        }

        var token = first;
        while (true)
        {
            var inner = ReadFrom(ref lexer, token, ref budget, depth + 1);
            facts.HasComparison |= inner.HasComparison;
            facts.HasLiteralComparison |= inner.HasLiteralComparison;
            facts.HasCall |= inner.HasCall;
            facts.HasSubquery |= inner.HasSubquery;
            facts.HasLogical |= inner.HasLogical;
            facts.EndsInOpenString = inner.EndsInOpenString;
            if (inner.OutOfBudget || inner.Terminator.Is(SqlTokenKind.RightParen) || inner.Terminator.Is(SqlTokenKind.End))
            {
                // An unclosed parenthesis at the end is how many payloads leave the application's ")" to close it.
                return !inner.Incomplete || inner.Terminator.Is(SqlTokenKind.RightParen);
            }

            if (!inner.Terminator.Is(SqlTokenKind.Comma))
            {
                return false;
            }

            token = lexer.NextCode();
        }
    }

    private static bool TryReadOperator(ref SqlLexer lexer, SqlToken token, ref SqlExpressionFacts facts)
    {
        switch (token.Kind)
        {
            case SqlTokenKind.Comparison:
                facts.HasComparison = true;
                return true;
            case SqlTokenKind.Arithmetic or SqlTokenKind.Operator:
                return true;
            case SqlTokenKind.Logical:
                facts.HasLogical = true;
                return true;
            case SqlTokenKind.Word:
                break;
            default:
                return false;
        }

        switch (token.Word)
        {
            case SqlWord.And or SqlWord.Or or SqlWord.Xor:
                facts.HasLogical = true;
                return true;
            case SqlWord.Like or SqlWord.In or SqlWord.Between:
                facts.HasComparison = true;
                return true;
            case SqlWord.Is:
                facts.HasComparison = true;
                if (lexer.PeekCode().Is(SqlWord.Not))
                {
                    lexer.NextCode();
                }

                return true;
            case SqlWord.Not:
                // NOT LIKE / NOT IN / NOT BETWEEN / NOT REGEXP.
                var negated = lexer.PeekCode();
                if (negated.Is(SqlWord.Like) || negated.Is(SqlWord.In) || negated.Is(SqlWord.Between))
                {
                    lexer.NextCode();
                    facts.HasComparison = true;
                    return true;
                }

                return false;
            case SqlWord.Sounds:
                if (lexer.PeekCode().Is(SqlWord.Like))
                {
                    lexer.NextCode();
                    facts.HasComparison = true;
                    return true;
                }

                return false;
            case SqlWord.Div or SqlWord.Collate or SqlWord.Escape:
                return true;
            default:
                return false;
        }
    }
}
