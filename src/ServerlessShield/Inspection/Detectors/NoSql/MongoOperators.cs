namespace ServerlessShield;

// MongoDB operators that change what a query matches or run code when a client smuggles them in as data.
internal static class MongoOperators
{
    // Query, evaluation and aggregation operators. Extended-JSON type wrappers ($oid, $date, $numberLong...) are
    // left out: they describe a value, they do not change a query.
    private static readonly AsciiWordSet Operators = AsciiWordSet.Parse(
        ignoreCase: false,
        "eq ne gt gte lt lte in nin not nor or and exists type regex " +
        "options where expr elemMatch size all mod text search jsonSchema comment " +
        "function accumulator lookup match unionWith graphLookup geoWithin near nearSphere " +
        "bitsAllSet bitsAnySet slice rand sampleRate merge out set unset inc push " +
        "pull addToSet rename");

    // Keys that other JSON formats also use ("$type" for polymorphic serializers, "$comment" in JSON Schema...), so
    // a quoted JSON key alone does not make them operators.
    private static readonly AsciiWordSet SharedWithOtherFormats = new(ignoreCase: false, "type", "comment", "set", "out", "merge");

    // Methods of the mongo shell's db object (db.getCollection('x'), db.dropDatabase()).
    private static readonly AsciiWordSet DatabaseMethods = AsciiWordSet.Parse(
        ignoreCase: false,
        "getCollection getSiblingDB getMongo dropDatabase runCommand adminCommand eval " +
        "createUser dropUser getUsers shutdownServer currentOp killOp fsyncLock " +
        "getCollectionNames getCollectionInfos createCollection copyDatabase cloneDatabase");

    public static bool IsOperator(ReadOnlySpan<char> name) => Operators.Contains(name);

    public static bool IsDatabaseMethod(ReadOnlySpan<char> name) => DatabaseMethods.Contains(name);

    public static bool IsSharedWithOtherFormats(ReadOnlySpan<char> name) => SharedWithOtherFormats.Contains(name);
}
