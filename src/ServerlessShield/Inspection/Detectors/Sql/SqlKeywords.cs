namespace ServerlessShield;

// The SQL vocabulary the detector reasons with, across MySQL, SQL Server, PostgreSQL, Oracle and SQLite.
internal static class SqlKeywords
{
    private static readonly AsciiWordMap<SqlWord> Words = AsciiWordMap<SqlWord>.FromPairs(ignoreCase: true,
    [
        ("and", SqlWord.And), ("or", SqlWord.Or), ("xor", SqlWord.Xor), ("not", SqlWord.Not),
        ("union", SqlWord.Union), ("intersect", SqlWord.Union), ("except", SqlWord.Union), ("minus", SqlWord.Union),
        ("all", SqlWord.All), ("distinct", SqlWord.Distinct), ("distinctrow", SqlWord.Distinct),
        ("select", SqlWord.Select), ("from", SqlWord.From), ("where", SqlWord.Where), ("group", SqlWord.Group),
        ("order", SqlWord.Order), ("by", SqlWord.By), ("having", SqlWord.Having), ("limit", SqlWord.Limit),
        ("offset", SqlWord.Offset), ("into", SqlWord.Into), ("procedure", SqlWord.Procedure),
        ("insert", SqlWord.Insert), ("update", SqlWord.Update), ("delete", SqlWord.Delete), ("drop", SqlWord.Drop),
        ("create", SqlWord.Create), ("alter", SqlWord.Alter), ("truncate", SqlWord.Truncate),
        ("exec", SqlWord.Exec), ("execute", SqlWord.Exec), ("declare", SqlWord.Declare), ("set", SqlWord.Set),
        ("shutdown", SqlWord.Shutdown), ("waitfor", SqlWord.Waitfor), ("delay", SqlWord.Delay),
        ("replace", SqlWord.Replace), ("values", SqlWord.Values), ("null", SqlWord.Null), ("true", SqlWord.True),
        ("false", SqlWord.False), ("like", SqlWord.Like), ("rlike", SqlWord.Like), ("regexp", SqlWord.Like),
        ("ilike", SqlWord.Like), ("glob", SqlWord.Like), ("similar", SqlWord.Like), ("is", SqlWord.Is),
        ("in", SqlWord.In), ("between", SqlWord.Between), ("case", SqlWord.Case), ("when", SqlWord.When),
        ("then", SqlWord.Then), ("else", SqlWord.Else), ("end", SqlWord.End), ("exists", SqlWord.Exists),
        ("div", SqlWord.Div), ("mod", SqlWord.Div), ("collate", SqlWord.Collate), ("as", SqlWord.As),
        ("top", SqlWord.Top), ("outfile", SqlWord.Outfile), ("dumpfile", SqlWord.Outfile), ("call", SqlWord.Call),
        ("grant", SqlWord.Grant), ("load", SqlWord.Load), ("copy", SqlWord.Copy), ("table", SqlWord.Object),
        ("database", SqlWord.Object), ("schema", SqlWord.Object), ("view", SqlWord.Object), ("user", SqlWord.Object),
        ("login", SqlWord.Object), ("function", SqlWord.Object), ("trigger", SqlWord.Object),
        ("index", SqlWord.Object), ("column", SqlWord.Object), ("tablespace", SqlWord.Object),
        ("sounds", SqlWord.Sounds), ("escape", SqlWord.Escape), ("binary", SqlWord.Binary), ("join", SqlWord.Join),
        ("on", SqlWord.On), ("immediate", SqlWord.Immediate),
    ]);

    public static IEnumerable<string> All => Words.Words;

    public static SqlWord Classify(ReadOnlySpan<char> word) => Words.TryGetValue(word, out var meaning) ? meaning : SqlWord.Identifier;
}
