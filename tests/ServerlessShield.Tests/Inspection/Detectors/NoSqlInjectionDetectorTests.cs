namespace ServerlessShield.Tests.Inspection.Detectors;

public class NoSqlInjectionDetectorTests
{
    private static readonly InjectionScanner Scanner = new([new NoSqlInjectionDetector()]);

    [Theory]
    [InlineData("{\"email\": {\"$ne\": \"\"}, \"pin\": {\"$ne\": \"\"}}")]
    [InlineData("{ \"age\" : { \"$gte\" : 0 } }")]
    [InlineData("{'role': {'$in': ['admin', 'owner']}}")]
    [InlineData("{$where: 'sleep(100) || true'}")]
    [InlineData("{\"$expr\": {\"$eq\": [1, 1]}}")]
    [InlineData("{\"token\": {\"$regex\": \"^a\"}}")]
    [InlineData("email[$ne]=nobody&pin[$ne]=0")]
    [InlineData("account[$exists]=true")]
    [InlineData("tags[ $nin ][]=x")]
    [InlineData("%5B%24gt%5D=")]
    [InlineData("x', $or: [ {}, { 'a':'a")]
    [InlineData("'; return true; var dummy='")]
    [InlineData("\"; return (1==1); //")]
    [InlineData("7;return 1")]
    [InlineData("' && this.secret.match(/^a/) && '")]
    [InlineData("'||'x'=='x")]
    [InlineData("' ; sleep(3000) ; '")]
    [InlineData("';t=new Date();while(new Date()-t<3000){}'")]
    [InlineData("db.accounts.drop()")]
    [InlineData("db.getSiblingDB('admin').dropDatabase()")]
    public void IsMatch_OperatorsAndWhereScripts_AreDetected(string value) =>
        Assert.NotEmpty(Scanner.Scan(value));

    [Theory]
    [InlineData("The total is $ne 5 dollars")]
    [InlineData("Costs $in total: $30")]
    [InlineData("{\"$schema\": \"http://json-schema.org/draft-07/schema#\", \"$comment\": \"orders\"}")]
    [InlineData("{\"$type\": \"Circle\", \"radius\": 2}")]
    [InlineData("{\"_id\": {\"$oid\": \"507f1f77bcf86cd799439011\"}}")]
    [InlineData("echo $IFS and $PATH; return 0")]
    [InlineData("Chapter 1; return to the start when done")]
    [InlineData("Buy 2; return 1 item within 30 days")]
    [InlineData("x > 5 && x < 10 || y == 2")]
    [InlineData("Call db.example.com for the report")]
    [InlineData("In PHP, $where = 'north'; is just a variable.")]
    public void IsMatch_OrdinaryValues_AreNotDetected(string value) =>
        Assert.Empty(Scanner.Scan(value));

    [Theory]
    [InlineData("$", 1 << 20)]
    [InlineData("$ne", 1 << 18)]
    [InlineData("';", 1 << 19)]
    [InlineData("||", 1 << 19)]
    [InlineData("db.", 1 << 18)]
    [InlineData("1", 1 << 20)]
    public void IsMatch_PathologicalInput_Completes(string unit, int count) =>
        _ = new NoSqlInjectionDetector().IsMatch(string.Concat(Enumerable.Repeat(unit, count)));
}
