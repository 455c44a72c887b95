namespace ServerlessShield;

// Recognises the start of a complete SQL statement with its grammar, not by keyword alone: "DROP TABLE x" but not
// "drop me a line", "DELETE FROM t" but not "delete the draft", "SELECT ... FROM" with a select list that only SQL
// has (a call, *, a list of literals, a subquery, a comparison in WHERE) but not "select your seat".
internal static class SqlStatementReader
{
    private static readonly AsciiWordSet Privileges = AsciiWordSet.Parse(
        ignoreCase: true,
        "connect resource dba usage references sysadmin file process super reload execute trigger index");

    // Functions SQL lets a select list name without parentheses.
    private static readonly AsciiWordSet NiladicFunctions = AsciiWordSet.Parse(
        ignoreCase: true,
        "current_user session_user system_user current_date current_time current_timestamp localtimestamp current_role");

    // standalone: nothing (no ";", no breakout) ends an application statement before this one, so the statement
    // must be unmistakable on its own ("Delete from cart" and "Drop table lamp" are shop text).
    public static bool IsStatement(SqlToken first, ref SqlLexer lexer, ref int budget, bool standalone = false)
    {
        if (first.Kind != SqlTokenKind.Word)
        {
            return false;
        }

        switch (first.Word)
        {
            case SqlWord.Select:
                return IsSelectWithEvidence(ref lexer, ref budget);
            case SqlWord.Insert or SqlWord.Replace:
                return IsInsert(ref lexer);
            case SqlWord.Update:
                return IsName(lexer.NextCode()) && lexer.NextCode().Is(SqlWord.Set) && IsAssignmentTarget(lexer.NextCode())
                    && lexer.NextCode().Kind is SqlTokenKind.Comparison or SqlTokenKind.Operator;
            case SqlWord.Delete:
                // DELETE [LOW_PRIORITY] [QUICK] [IGNORE] FROM t
                var from = lexer.NextCode();
                while (IsWord(from, "low_priority", lexer.Text) || IsWord(from, "quick", lexer.Text) || IsWord(from, "ignore", lexer.Text))
                {
                    from = lexer.NextCode();
                }

                return from.Is(SqlWord.From) && IsName(lexer.NextCode()) && EndsClause(ref lexer, standalone, ref budget);
            case SqlWord.Drop or SqlWord.Create or SqlWord.Alter or SqlWord.Truncate:
                return IsDefinition(first.Word, ref lexer, standalone);
            case SqlWord.Exec:
                return IsExecute(ref lexer);
            case SqlWord.Declare:
                return lexer.NextCode().Is(SqlTokenKind.Variable);
            case SqlWord.Set:
                return lexer.NextCode().Is(SqlTokenKind.Variable) && lexer.NextCode().Kind is SqlTokenKind.Comparison or SqlTokenKind.Operator;
            case SqlWord.Shutdown:
                var afterShutdown = lexer.NextCode(out var comment);
                return comment || afterShutdown.Kind is SqlTokenKind.End or SqlTokenKind.Semicolon || IsWord(afterShutdown, "with", lexer.Text);
            case SqlWord.Waitfor:
                return IsWaitfor(ref lexer);
            case SqlWord.Call:
                return IsName(lexer.NextCode()) && lexer.NextCode().Is(SqlTokenKind.LeftParen);
            case SqlWord.Copy:
                // COPY t FROM PROGRAM 'cmd' / COPY (SELECT ...) TO PROGRAM 'cmd'
                var copied = lexer.NextCode();
                if (copied.Is(SqlTokenKind.LeftParen))
                {
                    var inner = 16;
                    SqlExpressionReader.SkipBalanced(ref lexer, ref inner, out _);
                }

                return (IsName(copied) || copied.Is(SqlTokenKind.LeftParen)) && lexer.NextCode() is var direction && (direction.Is(SqlWord.From) || IsWord(direction, "to", lexer.Text))
                    && lexer.NextCode() is var target && (target.Is(SqlTokenKind.String) || IsWord(target, "program", lexer.Text) || IsWord(target, "stdout", lexer.Text));
            case SqlWord.Load:
                // LOAD DATA|XML [LOCAL] INFILE
                var loaded = lexer.NextCode();
                var source = lexer.NextCode();
                if (IsWord(source, "local", lexer.Text))
                {
                    source = lexer.NextCode();
                }

                return (IsWord(loaded, "data", lexer.Text) || IsWord(loaded, "xml", lexer.Text)) && IsWord(source, "infile", lexer.Text);
            case SqlWord.Grant:
                return IsGrant(ref lexer);
            case SqlWord.Identifier when IsWord(first, "backup", lexer.Text):
                return lexer.NextCode().Is(SqlWord.Object) && IsName(lexer.NextCode()) && IsWord(lexer.NextCode(), "to", lexer.Text);
            default:
                return false;
        }
    }

    // WAITFOR DELAY '0:0:5' / WAITFOR TIME '23:00'.
    public static bool IsWaitfor(ref SqlLexer lexer)
    {
        var kind = lexer.NextCode();
        return (kind.Is(SqlWord.Delay) || IsWord(kind, "time", lexer.Text)) && lexer.NextCode().Is(SqlTokenKind.String);
    }

    // EXEC xp_cmdshell, EXEC master..xp_dirtree, EXEC(@sql), EXECUTE IMMEDIATE, EXEC sp_executesql.
    public static bool IsExecute(ref SqlLexer lexer)
    {
        var target = lexer.NextCode();
        if (target.Kind is SqlTokenKind.Variable || target.Is(SqlWord.Immediate))
        {
            return true;
        }

        // EXEC(@sql), EXEC('...'): a dynamic statement, not "exec (" on its own.
        if (target.Kind == SqlTokenKind.LeftParen)
        {
            var inner = lexer.NextCode();
            return inner.Kind is SqlTokenKind.Variable or SqlTokenKind.String || inner.Tag == '@';
        }

        if (target.Kind != SqlTokenKind.Word)
        {
            return false;
        }

        var name = lexer.Text.Slice(target.Start, target.Length);
        return name.StartsWith("xp_", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("sp_", StringComparison.OrdinalIgnoreCase)
            || (name.Equals("master", StringComparison.OrdinalIgnoreCase) && lexer.PeekCode().Is(SqlTokenKind.Dot));
    }

    // SELECT with a select list that says SQL.
    // requireFromOnly: a parenthesised SELECT (a subquery) needs only a FROM to count, the parentheses say SQL.
    public static bool IsSelectWithEvidence(ref SqlLexer lexer, ref int budget, bool requireFromOnly = false)
    {
        var token = lexer.NextCode(out var comment);
        var onlyNamesAfterTop = true;
        while (token.Is(SqlWord.All) || token.Is(SqlWord.Distinct) || token.Is(SqlWord.Top))
        {
            var wasTop = token.Is(SqlWord.Top);
            onlyNamesAfterTop &= !wasTop;
            token = lexer.NextCode();
            if (wasTop && token.Kind is SqlTokenKind.Number)
            {
                token = lexer.NextCode();
            }
        }

        var evidence = false;
        var onlyNames = onlyNamesAfterTop;
        var items = 0;
        while (--budget >= 0)
        {
            if (token.Is(SqlTokenKind.Arithmetic) && token.Tag == '*')
            {
                evidence = true;
                onlyNames = false;
                token = lexer.NextCode(out comment);
            }
            else
            {
                var facts = SqlExpressionReader.ReadFrom(ref lexer, token, ref budget);
                if (facts.Incomplete && !(facts.Terminator.Is(SqlTokenKind.End) && items > 0))
                {
                    return false;
                }

                evidence |= facts.IsActive || (token.Is(SqlTokenKind.Variable) && token.Tag == '@') || facts.OutOfBudget || IsDatabaseFunctionName(token, lexer.Text);
                onlyNames &= facts.Operands == 1 && facts.LastOperand.IsIdentifier && !facts.IsActive && token.IsIdentifier;
                token = facts.Terminator;
                comment = facts.CommentBeforeTerminator;
                if (token.Is(SqlWord.As))
                {
                    lexer.NextCode();
                    token = lexer.NextCode(out comment);
                }
                else if (token.IsIdentifier && !comment)
                {
                    token = lexer.NextCode(out comment);
                }
            }

            items++;
            if (!token.Is(SqlTokenKind.Comma))
            {
                break;
            }

            token = lexer.NextCode(out comment);
        }

        evidence |= items >= 2 || comment;
        if (token.Is(SqlWord.From))
        {
            var source = lexer.NextCode();
            if (source.Is(SqlTokenKind.LeftParen))
            {
                SqlExpressionReader.SkipBalanced(ref lexer, ref budget, out var hasSelect);
                evidence |= hasSelect;
            }
            else if (!IsName(source))
            {
                return false;
            }

            evidence |= (requireFromOnly && !onlyNames) || IsWord(source, "dual", lexer.Text);
            token = ReadTableList(ref lexer, ref budget, out comment);

            if (token.Is(SqlWord.Where))
            {
                var condition = SqlExpressionReader.Read(ref lexer, ref budget);
                evidence |= condition.IsActive;
                token = condition.Terminator;
                comment = condition.CommentBeforeTerminator;
            }

            evidence |= comment || token.Is(SqlWord.Limit) || token.Is(SqlWord.Union) || token.Is(SqlWord.Into);
        }

        // GROUP BY ... HAVING count(x) >= 9: aggregation with a filter on it.
        if (token.Is(SqlWord.Group) && lexer.NextCode().Is(SqlWord.By))
        {
            SqlExpressionFacts grouping;
            do
            {
                grouping = SqlExpressionReader.Read(ref lexer, ref budget);
            }
            while (grouping.Terminator.Is(SqlTokenKind.Comma) && budget > 0);

            token = grouping.Terminator;
            if (token.Is(SqlWord.Having))
            {
                var having = SqlExpressionReader.Read(ref lexer, ref budget);
                evidence |= having.HasComparison;
                token = having.Terminator;
            }
        }

        return evidence && EndsStatement(token);
    }

    // After FROM's first source: [.name | ..name] [[AS] alias] [, source [alias]]... ; returns the token after it.
    private static SqlToken ReadTableList(ref SqlLexer lexer, ref int budget, out bool comment)
    {
        var token = lexer.NextCode(out comment);
        while (--budget >= 0)
        {
            while (token.Is(SqlTokenKind.Dot))
            {
                // schema.table, and SQL Server's db..table.
                token = lexer.NextCode();
                if (token.Is(SqlTokenKind.Dot))
                {
                    token = lexer.NextCode();
                }

                token = lexer.NextCode(out comment);
            }

            if (token.Is(SqlWord.As))
            {
                lexer.NextCode();
                token = lexer.NextCode(out comment);
            }
            else if (token.IsIdentifier && !comment)
            {
                token = lexer.NextCode(out comment);
            }

            if (!token.Is(SqlTokenKind.Comma))
            {
                return token;
            }

            var source = lexer.NextCode();
            if (source.Is(SqlTokenKind.LeftParen))
            {
                SqlExpressionReader.SkipBalanced(ref lexer, ref budget, out _);
            }
            else if (!IsName(source))
            {
                return source;
            }

            token = lexer.NextCode(out comment);
        }

        return token;
    }

    private static bool EndsStatement(SqlToken token) =>
        token.Kind is SqlTokenKind.End or SqlTokenKind.Semicolon or SqlTokenKind.RightParen or SqlTokenKind.String
        || token.Is(SqlWord.From) || token.Is(SqlWord.Where) || token.Is(SqlWord.Group) || token.Is(SqlWord.Order)
        || token.Is(SqlWord.Limit) || token.Is(SqlWord.Union) || token.Is(SqlWord.Into) || token.Is(SqlWord.Having)
        || token.Is(SqlWord.Procedure) || token.Is(SqlWord.Offset);

    // GRANT privilege[, privilege...] ON|TO ...: only database privilege names, so "grant wrote the report" is prose.
    private static bool IsGrant(ref SqlLexer lexer)
    {
        for (var i = 0; i < 8; i++)
        {
            var privilege = lexer.NextCode();
            if (!(privilege.Kind == SqlTokenKind.Word && (privilege.Word is SqlWord.All or SqlWord.Select or SqlWord.Insert or SqlWord.Update
                or SqlWord.Delete or SqlWord.Exec or SqlWord.Create or SqlWord.Alter or SqlWord.Drop
                || Privileges.Contains(lexer.Text.Slice(privilege.Start, privilege.Length)))))
            {
                return false;
            }

            var next = lexer.NextCode();
            if (next.Is(SqlWord.On) || IsWord(next, "to", lexer.Text))
            {
                return true;
            }

            if (IsWord(next, "privileges", lexer.Text))
            {
                next = lexer.NextCode();
                return next.Is(SqlWord.On) || IsWord(next, "to", lexer.Text);
            }

            if (!next.Is(SqlTokenKind.Comma))
            {
                return false;
            }
        }

        return false;
    }

    // INSERT [INTO] t [(cols)] VALUES|SELECT|SET ... (and REPLACE, its MySQL twin).
    private static bool IsInsert(ref SqlLexer lexer)
    {
        var token = lexer.NextCode();
        var into = token.Is(SqlWord.Into);
        if (into)
        {
            token = lexer.NextCode();
        }

        if (!IsName(token))
        {
            return false;
        }

        token = lexer.NextCode();
        while (token.Is(SqlTokenKind.Dot))
        {
            lexer.NextCode();
            token = lexer.NextCode();
        }

        if (token.Is(SqlTokenKind.LeftParen))
        {
            if (into)
            {
                return true;
            }

            var budget = 32;
            SqlExpressionReader.SkipBalanced(ref lexer, ref budget, out _);
            token = lexer.NextCode();
        }

        return token.Is(SqlWord.Values) || token.Is(SqlWord.Select) || token.Is(SqlWord.Set);
    }

    // DROP/CREATE/ALTER/TRUNCATE [OR REPLACE] [TEMPORARY] TABLE|DATABASE|VIEW|FUNCTION|PROCEDURE... name ...
    private static bool IsDefinition(SqlWord verb, ref SqlLexer lexer, bool standalone)
    {
        var token = lexer.NextCode();
        if (token.Is(SqlWord.Or))
        {
            if (!lexer.NextCode().Is(SqlWord.Replace))
            {
                return false;
            }

            token = lexer.NextCode();
        }

        if (IsWord(token, "temporary", lexer.Text) || IsWord(token, "temp", lexer.Text))
        {
            token = lexer.NextCode();
        }

        var hasObject = token.Is(SqlWord.Object) || token.Is(SqlWord.Procedure);
        if (hasObject)
        {
            token = lexer.NextCode();
        }
        else if (verb != SqlWord.Truncate)
        {
            return false;
        }

        // IF [NOT] EXISTS
        var guarded = IsWord(token, "if", lexer.Text);
        if (guarded)
        {
            token = lexer.NextCode();
            if (token.Is(SqlWord.Not))
            {
                token = lexer.NextCode();
            }

            if (!token.Is(SqlWord.Exists))
            {
                return false;
            }

            token = lexer.NextCode();
        }

        if (!IsName(token))
        {
            return false;
        }

        var after = lexer.NextCode(out var comment);
        while (after.Is(SqlTokenKind.Dot))
        {
            lexer.NextCode();
            after = lexer.NextCode(out comment);
        }

        return verb switch
        {
            SqlWord.Create when standalone => comment || guarded || after.Kind is SqlTokenKind.LeftParen or SqlTokenKind.Semicolon || after.Is(SqlWord.As) || after.Is(SqlWord.Select),
            SqlWord.Create => comment || after.Kind is SqlTokenKind.LeftParen or SqlTokenKind.End or SqlTokenKind.Semicolon || after.Is(SqlWord.As) || after.Is(SqlWord.Select)
                || IsWord(after, "identified", lexer.Text) || IsWord(after, "with", lexer.Text) || IsWord(after, "password", lexer.Text),
            SqlWord.Alter => after.Kind == SqlTokenKind.Word && (after.Word is SqlWord.Drop or SqlWord.Alter or SqlWord.Set
                || IsWord(after, "add", lexer.Text) || IsWord(after, "change", lexer.Text) || IsWord(after, "modify", lexer.Text) || IsWord(after, "rename", lexer.Text) || IsWord(after, "owner", lexer.Text)),
            _ when standalone => comment || guarded || after.Is(SqlTokenKind.Semicolon) || IsWord(after, "cascade", lexer.Text),
            _ => comment || after.Kind is SqlTokenKind.End or SqlTokenKind.Semicolon or SqlTokenKind.Comma || IsWord(after, "cascade", lexer.Text),
        };
    }

    // After DELETE FROM t: the statement ends or filters (standalone: a filter that compares, or a cut-off).
    private static bool EndsClause(ref SqlLexer lexer, bool standalone, ref int budget)
    {
        var token = lexer.NextCode(out var comment);
        if (token.Is(SqlWord.Where) && standalone)
        {
            var condition = SqlExpressionReader.Read(ref lexer, ref budget);
            return condition.HasComparison && !condition.Incomplete;
        }

        return comment || token.Is(SqlTokenKind.Semicolon) || (!standalone && (token.Is(SqlTokenKind.End) || token.Is(SqlWord.Where) || token.Is(SqlWord.Limit)));
    }

    private static bool IsDatabaseFunctionName(SqlToken token, ReadOnlySpan<char> text)
    {
        if (token.Kind != SqlTokenKind.Word)
        {
            return false;
        }

        var name = text.Slice(token.Start, token.Length);
        return NiladicFunctions.Contains(name) || SqlFunctions.Distinctive.Contains(name) || SqlFunctions.Delay.Contains(name);
    }

    private static bool IsName(SqlToken token) =>
        token.Kind == SqlTokenKind.Word && token.Word is SqlWord.Identifier or SqlWord.Object;

    private static bool IsAssignmentTarget(SqlToken token) => IsName(token) || token.Is(SqlTokenKind.Variable);

    // An identifier spelled as the given lower-case word (words the keyword table leaves as identifiers).
    public static bool IsWord(SqlToken token, string word, ReadOnlySpan<char> text) =>
        token.Kind == SqlTokenKind.Word && token.Length == word.Length
        && text.Slice(token.Start, token.Length).Equals(word, StringComparison.OrdinalIgnoreCase);
}
