namespace ServerlessShield;

// Constructs that are SQL wherever they appear, checked at every token: UNION SELECT with a select list, a stacked
// statement after ";", WAITFOR DELAY, EXEC of a system procedure, INTO OUTFILE, PROCEDURE ANALYSE, a subquery,
// DDL with its grammar, @@system variables, PostgreSQL casts of calls and literals (x(...)::int), database-only
// functions (time delays with numeric arguments, error-based and file functions) and catalog objects.
internal static class SqlSignatures
{
    // Look-ahead granted to one check; bounds the work per token.
    private const int CheckBudget = 64;

    public static bool IsMatchAt(SqlToken previous, SqlToken token, SqlLexer after)
    {
        var budget = CheckBudget;
        switch (token.Kind)
        {
            case SqlTokenKind.Semicolon:
                return SqlStatementReader.IsStatement(after.NextCode(), ref after, ref budget);
            case SqlTokenKind.LeftParen:
                return after.NextCode().Is(SqlWord.Select) && SqlStatementReader.IsSelectWithEvidence(ref after, ref budget, requireFromOnly: true);
            case SqlTokenKind.Variable:
                // @@version stands alone or after a keyword (select@@version); glued to a name or number it is
                // part of a generated string ("kcc@@o8t8FP").
                return token.Tag == '@' && IsSystemVariableName(after.Text[(token.Start + 2)..token.End])
                    && !(previous.End == token.Start && (previous.IsIdentifier || previous.Is(SqlTokenKind.Number)));
            case SqlTokenKind.Operator when token.Length == 2 && token.Tag == ':' && after.Text[token.Start + 1] == ':':
                // '{"a":1}'::jsonb, unistr(password)::int: a PostgreSQL cast of a literal or a call.
                var type = after.NextCode();
                return previous.Kind is SqlTokenKind.RightParen or SqlTokenKind.String && type.Kind == SqlTokenKind.Word
                    && SqlFunctions.CastTypes.Contains(after.Text.Slice(type.Start, type.Length));
            case SqlTokenKind.Word:
                break;
            default:
                return false;
        }

        switch (token.Word)
        {
            case SqlWord.Union:
                return IsUnionSelect(ref after);
            case SqlWord.Waitfor:
                return SqlStatementReader.IsWaitfor(ref after);
            case SqlWord.Exec:
                return SqlStatementReader.IsExecute(ref after);
            case SqlWord.Into:
                return after.NextCode().Is(SqlWord.Outfile);
            case SqlWord.Declare:
                return after.NextCode().Is(SqlTokenKind.Variable);
            case SqlWord.Procedure:
                var procedure = after.NextCode();
                return SqlStatementReader.IsWord(procedure, "analyse", after.Text) || SqlStatementReader.IsWord(procedure, "analyze", after.Text);
            case SqlWord.Drop or SqlWord.Create or SqlWord.Alter or SqlWord.Truncate:
                return SqlStatementReader.IsStatement(token, ref after, ref budget, standalone: true);
            case SqlWord.Case:
                return IsCaseExpression(ref after, ref budget);
            case SqlWord.Identifier or SqlWord.Object:
                return !previous.Is(SqlTokenKind.Dot) && IsDatabaseName(previous, token, ref after, ref budget);
            default:
                return false;
        }
    }

    // System variables are named as words ("version", "VERSION", "Version", "innodb_version"); a password or key that
    // holds "@@" goes on in mixed case ("@@pC7gdXt").
    private static bool IsSystemVariableName(ReadOnlySpan<char> name) => name.Length >= 3 && LexChars.IsWordCased(name);

    // UNION [ALL|DISTINCT] [(] SELECT, then the end, a comment, or something that starts a select list.
    public static bool IsUnionSelect(ref SqlLexer lexer)
    {
        var token = lexer.NextCode();
        if (token.Is(SqlWord.All) || token.Is(SqlWord.Distinct))
        {
            token = lexer.NextCode();
        }

        var parenthesised = false;
        while (token.Is(SqlTokenKind.LeftParen))
        {
            parenthesised = true;
            token = lexer.NextCode();
        }

        if (!token.Is(SqlWord.Select))
        {
            return false;
        }

        var item = lexer.NextCode(out var comment);
        while (item.Kind == SqlTokenKind.Arithmetic && item.Tag is '-' or '+')
        {
            item = lexer.NextCode();
        }

        if (comment || item.Kind is SqlTokenKind.End or SqlTokenKind.Number or SqlTokenKind.String or SqlTokenKind.Variable or SqlTokenKind.LeftParen
            || item.Is(SqlWord.Null) || item.Is(SqlWord.All) || item.Is(SqlWord.Distinct) || item.Is(SqlWord.Top)
            || (item.Is(SqlTokenKind.Arithmetic) && item.Tag == '*'))
        {
            return true;
        }

        // A name must look like a column or a call: "union select col from", "union select user(),...", or name a
        // database function ("union select concat").
        var next = lexer.NextCode(out comment);
        return item.Kind == SqlTokenKind.Word
            && (comment || next.Kind is SqlTokenKind.LeftParen or SqlTokenKind.Comma or SqlTokenKind.Dot || next.Is(SqlWord.From)
                || (parenthesised && next.Is(SqlTokenKind.RightParen))
                || IsFunctionName(lexer.Text.Slice(item.Start, item.Length)));
    }

    // CASE [x] WHEN a THEN b [WHEN ...] [ELSE c] END, complete: "in case when it rains" has no THEN after a
    // condition and no END.
    private static bool IsCaseExpression(ref SqlLexer lexer, ref int budget)
    {
        var token = lexer.NextCode();
        if (!token.Is(SqlWord.When))
        {
            var subject = SqlExpressionReader.ReadFrom(ref lexer, token, ref budget);
            if (subject.Incomplete)
            {
                return false;
            }

            token = subject.Terminator;
        }

        var arms = 0;
        while (token.Is(SqlWord.When) && budget > 0)
        {
            var condition = SqlExpressionReader.Read(ref lexer, ref budget);
            if (condition.Incomplete || !condition.Terminator.Is(SqlWord.Then))
            {
                return false;
            }

            var result = SqlExpressionReader.Read(ref lexer, ref budget);
            if (result.Incomplete)
            {
                return false;
            }

            arms++;
            token = result.Terminator;
        }

        if (arms > 0 && token.Is(SqlWord.Else))
        {
            var otherwise = SqlExpressionReader.Read(ref lexer, ref budget);
            if (otherwise.Incomplete)
            {
                return false;
            }

            token = otherwise.Terminator;
        }

        return arms > 0 && token.Is(SqlWord.End);
    }

    private static bool IsFunctionName(ReadOnlySpan<char> name) =>
        SqlFunctions.Distinctive.Contains(name) || SqlFunctions.Common.Contains(name) || SqlFunctions.Delay.Contains(name);

    private static bool IsOperandPosition(SqlToken previous) =>
        previous.Kind is SqlTokenKind.End or SqlTokenKind.LeftParen or SqlTokenKind.Comma or SqlTokenKind.Comparison
            or SqlTokenKind.Arithmetic or SqlTokenKind.Logical or SqlTokenKind.Semicolon or SqlTokenKind.String or SqlTokenKind.Operator
        || (previous.Kind == SqlTokenKind.Word && previous.Word is not (SqlWord.Identifier or SqlWord.Object));

    private static bool IsDatabaseName(SqlToken previous, SqlToken token, ref SqlLexer lexer, ref int budget)
    {
        var name = lexer.Text.Slice(token.Start, token.Length).Trim('`');
        if (SqlFunctions.CatalogObjects.Contains(name))
        {
            return true;
        }

        // Everything below is a call or a qualified name: most words, followed by neither, stop here.
        var next = lexer.PeekCode();
        if (next.Kind is not (SqlTokenKind.LeftParen or SqlTokenKind.Dot))
        {
            return false;
        }

        if (name.Equals("mysql", StringComparison.OrdinalIgnoreCase) && next.Is(SqlTokenKind.Dot))
        {
            return true;
        }

        // Calls count where an operand can stand in SQL: not after a name ("def user_name(", "new LineString(").
        if (!IsOperandPosition(previous))
        {
            return false;
        }

        if (SqlFunctions.Distinctive.Contains(name))
        {
            return next.Kind is SqlTokenKind.LeftParen or SqlTokenKind.Dot;
        }

        if (!next.Is(SqlTokenKind.LeftParen))
        {
            return false;
        }

        // polygon((select ...)): MySQL's geometry constructors, error-based, take a subquery, not coordinates.
        if (SqlFunctions.Geometry.Contains(name))
        {
            lexer.NextCode();
            var argument = lexer.NextCode();
            return argument.Is(SqlWord.Select) || (argument.Is(SqlTokenKind.LeftParen) && lexer.NextCode().Is(SqlWord.Select));
        }

        // MySQL's IF(1=1, ...): a literal compared with a single "=" inside if( is SQL, not a C-like language.
        if (name.Equals("if", StringComparison.OrdinalIgnoreCase))
        {
            lexer.NextCode();
            var literal = lexer.NextCode();
            while (literal.Is(SqlTokenKind.LeftParen))
            {
                literal = lexer.NextCode();
            }

            var comparison = lexer.NextCode();
            return literal.Kind is SqlTokenKind.Number or SqlTokenKind.String && comparison.Is(SqlTokenKind.Comparison) && comparison.Length == 1 && comparison.Tag == '=';
        }

        // version(), database(), user(): the fingerprinting calls, empty-handed.
        if (SqlFunctions.Fingerprint.Contains(name))
        {
            lexer.NextCode();
            return lexer.NextCode().Is(SqlTokenKind.RightParen);
        }

        // ascii(substring(...)), hex(version()): extraction one character or field at a time.
        if (SqlFunctions.Extraction.Contains(name))
        {
            lexer.NextCode();
            var inner = lexer.NextCode();
            return inner.Kind == SqlTokenKind.Word && lexer.PeekCode().Is(SqlTokenKind.LeftParen)
                && (SqlFunctions.Substring.Contains(lexer.Text.Slice(inner.Start, inner.Length)) || SqlFunctions.Fingerprint.Contains(lexer.Text.Slice(inner.Start, inner.Length)));
        }

        // char(60)+char(47)..., chr(11)||chr(12): text assembled from code points to slip past filters.
        if (SqlFunctions.CodePoint.Contains(name))
        {
            lexer.NextCode();
            var code = lexer.NextCode();
            var close = lexer.NextCode();
            var join = lexer.NextCode();
            var nextCall = lexer.NextCode();
            return code.Is(SqlTokenKind.Number) && close.Is(SqlTokenKind.RightParen) && (join.Is(SqlTokenKind.Arithmetic) || join.Is(SqlTokenKind.Logical))
                && nextCall.Kind == SqlTokenKind.Word && SqlFunctions.CodePoint.Contains(lexer.Text.Slice(nextCall.Start, nextCall.Length));
        }

        return SqlFunctions.Delay.Contains(name) && HasDelayArguments(ref lexer, ref budget);
    }

    // sleep(5), sleep(20 div 3), benchmark(5000000,md5(1)): the arguments are a numeric expression (or a quoted
    // number), not words as in "sleep (8 hours)".
    private static bool HasDelayArguments(ref SqlLexer lexer, ref int budget)
    {
        lexer.NextCode();
        var facts = SqlExpressionReader.Read(ref lexer, ref budget);
        return !facts.Incomplete && facts.Terminator.Kind is SqlTokenKind.RightParen or SqlTokenKind.Comma or SqlTokenKind.End;
    }
}
