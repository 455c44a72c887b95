namespace ServerlessShield.Tests.Inspection.Detectors;

public class SqlInjectionDetectorTests
{
    private static readonly InjectionScanner Scanner = new([new SqlInjectionDetector()]);

    [Theory]
    // Tautologies and boolean conditions after a quote breakout.
    [InlineData("jsmith' OR 'z'='z")]
    [InlineData("x\" or \"q\"=\"q")]
    [InlineData("' or 2>1 -- ")]
    [InlineData("bob') OR ('k'='k")]
    [InlineData("nobody' AnD 7=7#")]
    [InlineData("' or username like '%")]
    [InlineData("' || 1=1 /*")]
    [InlineData("x' AND ascii(substring(pwd,1,1))>77 AND 'a'='a")]
    [InlineData("y' and exists(select 1 from accounts) and 'b'='b")]
    // Numeric context.
    [InlineData("42 OR 5=5")]
    [InlineData("42) AND (8=8")]
    [InlineData("-3 or 1 is not null")]
    [InlineData("12 and length(database())>0")]
    // UNION based, including comment and case obfuscation.
    [InlineData("9 UNION SELECT name, pass FROM members--")]
    [InlineData("' uNiOn/**/aLl/**/SeLeCt NULL,NULL,NULL-- -")]
    [InlineData("0 union/*!50000select*/ 1,2,3")]
    [InlineData("x' UNION SELECT table_name FROM information_schema.tables#")]
    [InlineData("1+UNION+ALL+SELECT+7,8,9")]
    // Stacked statements.
    [InlineData("7; DROP TABLE invoices")]
    [InlineData("a'; DELETE FROM sessions WHERE 1=1; --")]
    [InlineData("5; UPDATE accounts SET role='admin' WHERE id=5")]
    [InlineData("'; INSERT INTO admins (name) VALUES ('eve')--")]
    [InlineData("z'; EXEC xp_cmdshell 'whoami'--")]
    [InlineData("'; DECLARE @v varchar(50); SET @v='x'; EXEC(@v)--")]
    // Comment-terminated login bypass.
    [InlineData("root'--")]
    [InlineData("root' #")]
    [InlineData("root')/*")]
    // Time based.
    [InlineData("4 AND SLEEP(3)")]
    [InlineData("q' AND (SELECT 1 FROM (SELECT SLEEP(3))x)-- ")]
    [InlineData("'; WAITFOR DELAY '0:0:4'--")]
    [InlineData("1 and benchmark(9000000,sha1(1))")]
    [InlineData("x' || pg_sleep(4)--")]
    // Error based, file access, fingerprinting.
    [InlineData("1 and extractvalue(1,concat(0x7e,version()))")]
    [InlineData("' and updatexml(null,concat(0x2e,user()),null)-- ")]
    [InlineData("' union select load_file('/etc/hostname')-- ")]
    [InlineData("1 into outfile '/tmp/x.php'")]
    [InlineData("@@version")]
    [InlineData("' + char(65)+char(66) + '")]
    [InlineData("1 ORDER BY 9--")]
    [InlineData("abc' GROUP BY 1,2 HAVING 1=1--")]
    // Comments standing for spaces.
    [InlineData("admin'/**/OR/**/2=2#")]
    [InlineData("3/**/AND/**/4=4")]
    [InlineData("9;copy (select '') to program 'uname'")]
    // PostgreSQL specifics.
    [InlineData("1 OR '{\"k\":1}'::jsonb ? 'k'")]
    [InlineData("cast_me(x)::int")]
    // Encoded forms reach the detector decoded.
    [InlineData("%27%20OR%20%27a%27%3D%27a")]
    [InlineData("1%20UNION%20SELECT%20null%2Cnull--")]
    [InlineData("&#39; or 3=3 --")]
    [InlineData("\\u0027 or 1=1--")]
    // Numbers glued to keywords, prefixed literals, CASE, subqueries, MSSQL trace hiding.
    [InlineData("77UNION SELECT 1,2")]
    [InlineData("_utf8'x' union select * from accounts")]
    [InlineData("case when (5=5) then 1 else 0 end")]
    [InlineData("(select top 1 secret from vault)")]
    [InlineData("1;delete quick from logs")]
    [InlineData("3 group by 1,acct having 1=1")]
    [InlineData("1--sp_password")]
    [InlineData("1 and polygon((select * from(select @@version)f)x)")]
    [InlineData("x' IN BOOLEAN MODE) AND 6=6#")]
    [InlineData("7+AND+6=6")]
    [InlineData("'+or+3=3--")]
    [InlineData("7 AND 6 BETWEEN 5 AND 7")]
    [InlineData("/list/3 OR 4=4")]
    // Typographic quotes become ASCII quotes through best-fit conversion.
    [InlineData("admin’ or ’1’=’1")]
    // Carried inside JSON or an XML attribute.
    [InlineData("{\"q\": \"1 UNION SELECT password FROM users\"}")]
    [InlineData("<r><a v=\"5 OR 6=6\"/></r>")]
    [InlineData("/items/OR '1'::int = 1")]
    [InlineData("{\"q\":\"z\\\" OR \\\"4\\\"=\\\"4\"}")]
    [InlineData("login=root'--&pwd=x")]
    [InlineData("select@@version")]
    [InlineData("@@Version")]
    [InlineData("1'+@@hostname+'")]
    public void IsMatch_SqlInjections_AreDetected(string value) =>
        Assert.NotEmpty(Scanner.Scan(value));

    [Theory]
    [InlineData("Select a size, then drop it in the basket.")]
    [InlineData("Union members select their delegates by vote")]
    [InlineData("Please update the table of contents; delete old notes.")]
    [InlineData("Drop me a line or call 555-0100")]
    [InlineData("Mary O'Neil's order; 2=2 is trivially true")]
    [InlineData("It's 3 or 4 days -- depending on the weather")]
    [InlineData("Kevin O'Hara")]
    [InlineData("d'Artagnan and the 3 musketeers")]
    [InlineData("Rock 'n' roll & blues")]
    [InlineData("2 OR 3 BEDROOMS")]
    [InlineData("10 or fewer items")]
    [InlineData("1980 or 1990")]
    [InlineData("\"red\" AND \"blue\"")]
    [InlineData("\"LIKE\" STICKER")]
    [InlineData("SHOE 9 '#")]
    [InlineData("exec (")]
    [InlineData("Where can I sleep (8 hours) tonight?")]
    [InlineData("Order by phone; pay on delivery")]
    [InlineData("select 'yes'")]
    [InlineData("Create table of contents")]
    [InlineData("In SQL the keyword is `SELECT`, see the docs.")]
    [InlineData("Grant wrote the report; Alice will review it")]
    [InlineData("x > 5 && x < 10")]
    [InlineData("a = b = c = 0")]
    [InlineData("/search?q=shoes&sort=price&page=2")]
    [InlineData("https://example.com/a/b?x=1&y=2")]
    [InlineData("Accept: */*")]
    [InlineData("user.trim() and str.substring(1)")]
    [InlineData("/*! jQuery v3.7.1 | (c) OpenJS Foundation */")]
    [InlineData("LAPTOP CASE 13\"")]
    [InlineData("(select one from the list)")]
    [InlineData("Type 'exec' to run")]
    [InlineData("PS: sleep(1) helps in shell scripts")]
    [InlineData("name='John' and age=30")]
    [InlineData("Delete from cart")]
    [InlineData("Drop table lamp, brass")]
    [InlineData("In case when it rains then we end early")]
    [InlineData("=IF(A1>0,\"pos\",\"neg\")")]
    [InlineData("user.getName() == null || user.isAdmin()")]
    [InlineData("rock+and+roll")]
    [InlineData("3 or 4 -- depending on stock")]
    [InlineData("const line = new LineString(coords);")]
    [InlineData("def user_name(self): return self.name")]
    [InlineData("price+tax=total")]
    [InlineData("Meeting 9:00–17:30; Mon–Fri")]
    [InlineData("Tq7kL@@mPz4xR")]
    [InlineData("@@rT9mKq2Lw")]
    [InlineData("mail@@example.com")]
    public void IsMatch_OrdinaryValues_AreNotDetected(string value) =>
        Assert.Empty(Scanner.Scan(value));

    [Theory]
    [InlineData("'", 1 << 20)]
    [InlineData("(", 1 << 20)]
    [InlineData("(select ", 1 << 17)]
    [InlineData("' or ", 1 << 18)]
    [InlineData("union select ", 1 << 16)]
    [InlineData("1=1 and ", 1 << 17)]
    [InlineData("/", 1 << 20)]
    [InlineData("/*", 1 << 19)]
    [InlineData("/*!", 1 << 18)]
    [InlineData("--", 1 << 19)]
    [InlineData(";", 1 << 20)]
    [InlineData("\"'", 1 << 19)]
    [InlineData("sleep(", 1 << 17)]
    [InlineData("char(1)+", 1 << 17)]
    public void IsMatch_PathologicalInput_Completes(string unit, int count) =>
        _ = new SqlInjectionDetector().IsMatch(string.Concat(Enumerable.Repeat(unit, count)));

    [Fact]
    public void IsMatch_RandomSqlishInput_AlwaysCompletes()
    {
        // Guards the tokenizer's progress on every character mix (a stuck lexer would hang here).
        const string alphabet = "'\"`()[]{};,.-+*/%=<>!|&^~?:@#$\\ \t\n0123456789xeESELECTunionor_\u2019\u2013";
        var random = new Random(20240601);
        var detector = new SqlInjectionDetector();
        var buffer = new char[64];
        for (var i = 0; i < 20000; i++)
        {
            var length = random.Next(1, buffer.Length);
            for (var j = 0; j < length; j++)
            {
                buffer[j] = alphabet[random.Next(alphabet.Length)];
            }

            _ = detector.IsMatch(buffer.AsSpan(0, length));
        }
    }
}
