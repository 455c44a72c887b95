namespace ServerlessShield;

// Judges what follows the point where a value leaves the literal it was placed in: right after the closing quote
// (admin' ...) or, for numeric and identifier contexts, right after the leading operand (1 ...). An injection
// continues the application's query there with SQL: a boolean condition that does something (' OR 'a'='a,
// 1 AND sleep(5)), UNION SELECT, a stacked statement, a comment that cuts the query off (admin'--), an ORDER BY /
// GROUP BY / HAVING / WHERE probe, or an operator that splices a call or subquery into the string ('||(SELECT ...)||').
internal static class SqlInjectionPoint
{
    public const int DefaultBudget = 256;

    private enum SpliceStrength
    {
        // After a comparison: ' = ' closes into the application's quote, or more logic follows.
        Comparison,

        // After LIKE/IS/IN/DIV: "LIKE" STAMP is a product name in quotes; logic, a call or a comment must follow.
        Logic,

        // After + - || and friends: only a call or a subquery makes the splice an attack.
        Call,
    }

    // breakout is the literal the value closed (quoted readings); valueStart says nothing precedes the point.
    // strict: a weak context (a URL separator inside a longer value) where only a tautology, a call or a subquery
    // makes a condition an attack ("name='John' and age=30" is a filter someone typed, "id=1 or 1=1" is not).
    public static bool IsAttack(SqlLexer lexer, bool quoted, SqlToken breakout = default, bool valueStart = false, int budget = DefaultBudget, bool strict = false)
    {
        var token = lexer.Next();
        while (token.Kind is SqlTokenKind.RightParen or SqlTokenKind.Comment)
        {
            if (token.Is(SqlTokenKind.Comment))
            {
                // A comment either cuts the query off here or stands for a space (admin'/**/OR/**/1=1).
                var rest = lexer;
                if (IsTruncation(token, ref rest, breakout))
                {
                    return quoted;
                }
            }

            token = lexer.Next();
        }

        switch (token.Kind)
        {
            case SqlTokenKind.Semicolon:
                return IsStackedStatement(ref lexer, quoted, breakout, ref budget);
            case SqlTokenKind.Logical:
                return IsCondition(ref lexer, quoted, valueStart, strict, ref budget);
            case SqlTokenKind.Comparison when quoted:
                return IsSplicedExpression(ref lexer, ref budget, SpliceStrength.Comparison);
            case SqlTokenKind.Comparison when breakout.Is(SqlTokenKind.String):
                // 'x'!='y, '{"a":1}' < '$.a' = 7: the value brings its own literal and compares it.
                return IsSplicedExpression(ref lexer, ref budget, SpliceStrength.Comparison);
            case SqlTokenKind.Arithmetic or SqlTokenKind.Operator when quoted:
                return IsSplicedExpression(ref lexer, ref budget, SpliceStrength.Call);
            case SqlTokenKind.Word:
                return IsClause(token, ref lexer, quoted, breakout, valueStart, strict, ref budget);
            default:
                return false;
        }
    }

    private static bool IsClause(SqlToken token, ref SqlLexer lexer, bool quoted, SqlToken breakout, bool valueStart, bool strict, ref int budget)
    {
        switch (token.Word)
        {
            case SqlWord.And or SqlWord.Or or SqlWord.Xor:
                return IsCondition(ref lexer, quoted, valueStart, strict, ref budget);
            case SqlWord.Union:
                // Right after a breakout, UNION SELECT needs no further proof.
                var union = lexer;
                return SqlSignatures.IsUnionSelect(ref lexer) || (quoted && IsBareUnionSelect(ref union));
            case SqlWord.Order or SqlWord.Group:
                return lexer.NextCode().Is(SqlWord.By) && IsOrderingList(ref lexer, quoted, ref budget);
            case SqlWord.Else or SqlWord.Then or SqlWord.When:
                return false;
            case SqlWord.Having or SqlWord.Where:
                var condition = SqlExpressionReader.Read(ref lexer, ref budget);
                return condition.HasComparison && !condition.Incomplete && EndsInjection(condition);
            case SqlWord.As:
                // 1 AS x FROM t / x AS y WHERE ...: the value completes a select list and goes on.
                var alias = lexer.NextCode();
                var next = lexer.NextCode();
                return (alias.Kind is SqlTokenKind.Word or SqlTokenKind.String)
                    && (next.Is(SqlWord.From) || (next.Is(SqlWord.Where) && IsClause(next, ref lexer, quoted, breakout, valueStart, strict, ref budget)));
            case SqlWord.Limit:
                var limit = SqlExpressionReader.Read(ref lexer, ref budget);
                return quoted && limit.Terminator.Kind is SqlTokenKind.End or SqlTokenKind.Comma && (limit.CommentBeforeTerminator || limit.Terminator.Is(SqlTokenKind.Comma));
            case SqlWord.Procedure:
                var procedure = lexer.NextCode();
                return SqlStatementReader.IsWord(procedure, "analyse", lexer.Text) || SqlStatementReader.IsWord(procedure, "analyze", lexer.Text);
            case SqlWord.In when quoted && IsFullTextMode(ref lexer):
                // MATCH(x) AGAINST('value' IN BOOLEAN MODE) ...: the value closes the search mode and goes on.
                return IsAttack(lexer, quoted, breakout, valueStart, budget, strict);
            case SqlWord.Like or SqlWord.Is or SqlWord.In or SqlWord.Between or SqlWord.Div when quoted:
                return IsSplicedExpression(ref lexer, ref budget, SpliceStrength.Logic);
            case SqlWord.Select when !quoted && breakout.Is(SqlTokenKind.Number):
                return SqlStatementReader.IsStatement(token, ref lexer, ref budget);
            case SqlWord.Select when quoted:
                // ' select @@version  /  'select x: SQL Server runs a statement that follows without a ";".
                var select = lexer;
                return SqlStatementReader.IsStatement(token, ref lexer, ref budget) || IsBareSelect(ref select);
            case SqlWord.Collate when quoted:
                // user'collate nocase--: a collation clause, then the rest of the query cut off.
                var collation = lexer.NextCode();
                lexer.NextCode(out var cut);
                return collation.Kind is SqlTokenKind.Word or SqlTokenKind.String && cut;
            default:
                // SQL Server also runs INSERT, DROP, EXEC... placed straight after the breakout or a number.
                return (quoted || breakout.Is(SqlTokenKind.Number)) && SqlStatementReader.IsStatement(token, ref lexer, ref budget);
        }
    }

    // IN BOOLEAN MODE / IN NATURAL LANGUAGE MODE, consumed when present.
    private static bool IsFullTextMode(ref SqlLexer lexer)
    {
        var probe = lexer;
        for (var i = 0; i < 3; i++)
        {
            var word = probe.NextCode();
            if (SqlStatementReader.IsWord(word, "mode", probe.Text))
            {
                lexer = probe;
                return true;
            }

            if (!(SqlStatementReader.IsWord(word, "boolean", probe.Text) || SqlStatementReader.IsWord(word, "natural", probe.Text)
                || SqlStatementReader.IsWord(word, "language", probe.Text)))
            {
                return false;
            }
        }

        return false;
    }

    // '; DROP TABLE x / '; SELECT x / ';--
    private static bool IsStackedStatement(ref SqlLexer lexer, bool quoted, SqlToken breakout, ref int budget)
    {
        var statement = lexer.Next();
        if (statement.Is(SqlTokenKind.Comment))
        {
            return quoted && IsTruncation(statement, ref lexer, breakout);
        }

        // admin'; : the statement is ended right after the breakout (the same cut-off as a comment).
        if (statement.Is(SqlTokenKind.End))
        {
            return quoted && IsSingleToken(lexer.Text.Slice(breakout.Start, breakout.Length));
        }

        var select = lexer;
        return SqlStatementReader.IsStatement(statement, ref lexer, ref budget) || (quoted && statement.Is(SqlWord.Select) && IsBareSelect(ref select));
    }

    // After AND/OR: a condition that compares, calls or queries (or, after a quote, a bare operand the query is cut off after),
    // ending where the rest of the application's query can follow.
    private static bool IsCondition(ref SqlLexer lexer, bool quoted, bool valueStart, bool strict, ref int budget)
    {
        var facts = SqlExpressionReader.Read(ref lexer, ref budget);
        if (facts.Incomplete || !EndsInjection(facts))
        {
            return false;
        }

        if (strict)
        {
            return facts.HasLiteralComparison || facts.HasCall || facts.HasSubquery || facts.HasComment || facts.OutOfBudget;
        }

        // "AND 1", " or true": a value that is nothing but a boolean tail.
        var bareTail = valueStart && facts.Operands == 1 && facts.Terminator.Is(SqlTokenKind.End)
            && (facts.LastOperand.Is(SqlTokenKind.Number) || facts.LastOperand.Is(SqlWord.True) || facts.LastOperand.Is(SqlWord.False));
        // A trailing comment proves little after a bare number ("1 or 2 -- depending"), much after a closed quote.
        return facts.IsActive || (quoted && facts.CommentBeforeTerminator) || facts.HasComment || facts.Terminator.Is(SqlTokenKind.Semicolon)
            || facts.OutOfBudget || (facts.EndsInEmptyOpenString && facts.Operands >= 2) || bareTail;
    }

    // ' = '  /  '='' or '  /  '+sleep(5)+'  /  '||(select ...)||': an operator right after the closing quote
    // joins an expression of the attacker's to the application's string.
    private static bool IsSplicedExpression(ref SqlLexer lexer, ref int budget, SpliceStrength strength)
    {
        var facts = SqlExpressionReader.Read(ref lexer, ref budget);
        if (facts.Incomplete || !EndsInjection(facts))
        {
            return false;
        }

        // test'-1 union(select ...): whatever the splice, a UNION SELECT after it settles the matter.
        if (facts.Terminator.Is(SqlWord.Union))
        {
            var union = lexer;
            if (SqlSignatures.IsUnionSelect(ref union))
            {
                return true;
            }
        }

        var active = facts.HasCall || facts.HasSubquery;
        return strength switch
        {
            SpliceStrength.Comparison => active || facts.EndsInOpenString || facts.CommentBeforeTerminator || facts.HasLogical,
            SpliceStrength.Logic => active || facts.CommentBeforeTerminator || (facts.HasLogical && facts.HasComparison),
            _ => active,
        };
    }

    // UNION [ALL] SELECT followed by anything at all.
    private static bool IsBareUnionSelect(ref SqlLexer lexer)
    {
        var token = lexer.NextCode();
        if (token.Is(SqlWord.All) || token.Is(SqlWord.Distinct))
        {
            token = lexer.NextCode();
        }

        return token.Is(SqlWord.Select);
    }

    // SELECT name [FROM ...]: after a breakout, a select list of one plain name is enough.
    private static bool IsBareSelect(ref SqlLexer lexer)
    {
        var item = lexer.NextCode();
        var after = lexer.NextCode(out var comment);
        return (item.IsIdentifier || item.Is(SqlTokenKind.Variable)) && (comment || after.Kind is SqlTokenKind.End or SqlTokenKind.Comma or SqlTokenKind.Semicolon || after.Is(SqlWord.From));
    }

    // ORDER BY 1--, GROUP BY 1,2,3, ORDER BY 1,SLEEP(5): column positions or calls, then the end of the query.
    private static bool IsOrderingList(ref SqlLexer lexer, bool quoted, ref int budget)
    {
        var numeric = true;
        var active = false;
        while (true)
        {
            var first = lexer.NextCode(out var comment);
            if (first.Is(SqlTokenKind.End) && comment)
            {
                // GROUP BY 1,2,-- : a trailing comma cut off by the comment.
                return quoted;
            }

            numeric &= first.Is(SqlTokenKind.Number);
            var facts = SqlExpressionReader.ReadFrom(ref lexer, first, ref budget);
            if (facts.Incomplete)
            {
                return false;
            }

            active |= facts.IsActive;
            if (facts.Terminator.Is(SqlWord.Having))
            {
                // GROUP BY 1,col HAVING 1=1: the aggregate filter error-probes the grouped columns.
                var having = SqlExpressionReader.Read(ref lexer, ref budget);
                return having.HasComparison && !having.Incomplete && EndsInjection(having);
            }

            if (!facts.Terminator.Is(SqlTokenKind.Comma))
            {
                return EndsInjection(facts) && (quoted || numeric || active);
            }
        }
    }

    // The expression stopped where the application's remaining query (or nothing) can follow.
    private static bool EndsInjection(SqlExpressionFacts facts)
    {
        var end = facts.Terminator;
        return facts.OutOfBudget || end.Kind is SqlTokenKind.End or SqlTokenKind.Semicolon or SqlTokenKind.RightParen
            || end.Is(SqlWord.Union) || end.Is(SqlWord.Order) || end.Is(SqlWord.Group) || end.Is(SqlWord.Limit)
            || end.Is(SqlWord.Having) || end.Is(SqlWord.Into) || end.Is(SqlWord.Procedure);
    }

    // admin'--  admin')#  admin'/*: a comment right after the breakout that swallows the rest of the query. The
    // value before the quote is one token (a user name, an id), not a phrase ("SOAP 1 '#" is a typo in a search),
    // and line comments carry no words ("FOO BAR'# BLAH" is text after a hash, not a cut-off query).
    private static bool IsTruncation(SqlToken comment, ref SqlLexer lexer, SqlToken breakout)
    {
        if (!IsSingleToken(lexer.Text.Slice(breakout.Start, breakout.Length)))
        {
            return false;
        }

        var text = lexer.Text.Slice(comment.Start, comment.Length);
        if (comment.Tag != '/')
        {
            // In a form body the next parameter follows: admin'--&password=x.
            var parameter = text.IndexOf('&');
            foreach (var c in parameter < 0 ? text : text[..parameter])
            {
                if (char.IsLetterOrDigit(c))
                {
                    return false;
                }
            }
        }

        var next = lexer.NextCode();
        return next.Kind is SqlTokenKind.End or SqlTokenKind.Semicolon;
    }

    private static bool IsSingleToken(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (LexChars.IsSpace(c))
            {
                return false;
            }
        }

        return true;
    }
}
