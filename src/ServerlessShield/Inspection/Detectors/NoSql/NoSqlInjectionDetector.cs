namespace ServerlessShield;

// NoSQL (MongoDB) injection: a query operator supplied where the application expects a plain value, either as an
// object key ({"$ne": null}, {$gt: ''}, "$where": ...) or in the bracket syntax form parsers turn into objects
// (user[$ne]=x); server-side JavaScript that breaks out of a $where string (see WhereScriptBreakout); or a mongo
// shell call (db.users.find(...)). A "$word" alone is not enough: prices, shell variables and PHP code stay clean.
internal sealed class NoSqlInjectionDetector : IPropertyNameDetector
{
    private static readonly System.Buffers.SearchValues<char> Dollar = System.Buffers.SearchValues.Create("$");

    // As a key, "$ne" is the attack itself; names other formats use as keys ("$type", "$comment") stay clean.
    public bool IsMatchPropertyName(ReadOnlySpan<char> name) =>
        name.Length > 1 && name[0] == '$' && MongoOperators.IsOperator(name[1..]) && !MongoOperators.IsSharedWithOtherFormats(name[1..]);

    public ShieldRule Rule => ShieldRules.NoSqlInjection;

    public bool IsMatch(ReadOnlySpan<char> value) =>
        HasOperatorKey(value) || WhereScriptBreakout.IsMatch(value) || HasMongoShellCall(value);

    private static bool HasOperatorKey(ReadOnlySpan<char> value)
    {
        for (var i = value.IndexOf('$'); i >= 0; i = LexChars.IndexOfAnyFrom(value, i + 1, Dollar))
        {
            var end = i + 1;
            while (end < value.Length && char.IsAsciiLetter(value[end]))
            {
                end++;
            }

            var name = value[(i + 1)..end];
            if (MongoOperators.IsOperator(name) && IsKeyPosition(value, i, end, MongoOperators.IsSharedWithOtherFormats(name)))
            {
                return true;
            }

            i = end - 1;
        }

        return false;
    }

    // The operator at value[dollar..end] is written as a key: [$op], {"$op": or , $op: (or alone at the start).
    private static bool IsKeyPosition(ReadOnlySpan<char> value, int dollar, int end, bool sharedName)
    {
        var before = dollar - 1;
        var quote = before >= 0 && value[before] is '"' or '\'' ? value[before--] : '\0';
        while (before >= 0 && LexChars.IsSpace(value[before]))
        {
            before--;
        }

        var after = end;
        if (quote == '\0' && before >= 0 && value[before] == '[')
        {
            after = LexChars.SkipSpaces(value, after);
            return after < value.Length && value[after] == ']';
        }

        if (quote != '\0')
        {
            if (sharedName || after >= value.Length || value[after] != quote)
            {
                return false;
            }

            after++;
        }

        after = LexChars.SkipSpaces(value, after);
        return after < value.Length && value[after] == ':' && (before < 0 || value[before] is '{' or ',');
    }

    // db.<collection>.<method>( or db.<database method>( — a mongo shell statement.
    private static bool HasMongoShellCall(ReadOnlySpan<char> value)
    {
        var offset = 0;
        while (offset < value.Length)
        {
            var found = value[offset..].IndexOf("db.", StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            var at = offset + found;
            offset = at + 3;
            if (at > 0 && (LexChars.IsWordChar(value[at - 1]) || value[at - 1] == '.'))
            {
                continue;
            }

            var collectionEnd = SkipIdentifier(value, at + 3);
            if (collectionEnd < value.Length && value[collectionEnd] == '(' && MongoOperators.IsDatabaseMethod(value[(at + 3)..collectionEnd]))
            {
                return true;
            }

            if (collectionEnd == at + 3 || collectionEnd >= value.Length || value[collectionEnd] != '.')
            {
                continue;
            }

            var methodEnd = SkipIdentifier(value, collectionEnd + 1);
            if (methodEnd > collectionEnd + 1 && methodEnd < value.Length && value[methodEnd] == '(')
            {
                return true;
            }
        }

        return false;
    }

    private static int SkipIdentifier(ReadOnlySpan<char> value, int index)
    {
        while (index < value.Length && (LexChars.IsWordChar(value[index]) || value[index] == '$'))
        {
            index++;
        }

        return index;
    }
}
