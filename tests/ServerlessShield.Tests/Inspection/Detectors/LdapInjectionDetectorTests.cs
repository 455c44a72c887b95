namespace ServerlessShield.Tests.Inspection.Detectors;

public class LdapInjectionDetectorTests
{
    private static readonly InjectionScanner Scanner = new([new LdapInjectionDetector()]);

    [Theory]
    [InlineData("jdoe)(mail=*")]
    [InlineData("jdoe)(|(memberOf=cn=admins,dc=corp,dc=example))")]
    [InlineData("x)(&)")]
    [InlineData("x)(|)")]
    [InlineData("nobody))(|(cn=*")]
    [InlineData("*)(employeeNumber>=0")]
    [InlineData("guest)(displayName~=adm")]
    [InlineData("user) ( | (uid = *")]
    [InlineData("user)!(cn=guest")]
    [InlineData("z*(|(sn=*))")]
    [InlineData("*))\0")]
    [InlineData("bob)(userCertificate;binary=*")]
    [InlineData("bob)(cn:dn:2.5.13.5:=x")]
    [InlineData("jdoe%29%28uid%3D%2A")]
    [InlineData("*")]
    [InlineData("*)(|")]
    [InlineData("root*")]
    [InlineData("j.smith*")]
    [InlineData("ADM*")]
    [InlineData("Smith-Jones*")]
    public void IsMatch_FilterBreakouts_AreDetected(string value) =>
        Assert.NotEmpty(Scanner.Scan(value));

    [Theory]
    [InlineData("(&(objectClass=person)(sn=Smith))")]
    [InlineData("(|(cn=Jane*)(mail=jane@example.com))")]
    [InlineData("Booking for 2 adults (1 child) (arrives late)")]
    [InlineData("f(x)(y) = z")]
    [InlineData("Price: 5 * 3 (approx.)")]
    [InlineData("*/*")]
    [InlineData("/*")]
    [InlineData("text/html,application/xhtml+xml,*/*;q=0.8")]
    [InlineData("Select * all * the boxes")]
    [InlineData("'")]
    [InlineData("\"*\"")]
    [InlineData("Note (see page 4)(a)")]
    [InlineData("tsDYCf3Zkn3L*")]
    [InlineData("R2_dD4D8yRS*")]
    [InlineData("k63zKMfDwbyc*")]
    public void IsMatch_OrdinaryValues_AreNotDetected(string value) =>
        Assert.Empty(Scanner.Scan(value));

    [Theory]
    [InlineData(")", 1 << 20)]
    [InlineData(")(", 1 << 19)]
    [InlineData(") (", 1 << 18)]
    [InlineData("(|(", 1 << 18)]
    [InlineData(")(a:", 1 << 18)]
    [InlineData("*", 1 << 20)]
    public void IsMatch_PathologicalInput_Completes(string unit, int count) =>
        _ = new LdapInjectionDetector().IsMatch(string.Concat(Enumerable.Repeat(unit, count)));
}
