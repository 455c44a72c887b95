namespace ServerlessShield.Tests.Inspection;

public class ValueCanonicalizerTests
{
    [Theory]
    [InlineData("%3Cscript%3E", "<script>")]
    [InlineData("%253Cscript%253E", "<script>")]
    [InlineData("%25253Cscript%25253E", "<script>")]
    [InlineData("%c0%ae%c0%ae%c0%af", "../")]
    [InlineData("%e0%80%ae", ".")]
    [InlineData("%u003cimg%u003e", "<img>")]
    [InlineData("&lt;svg&gt;", "<svg>")]
    [InlineData("&#60;a&#x3e;", "<a>")]
    [InlineData("&#0000060script", "<script")]
    [InlineData("\\u003cb\\x3e", "<b>")]
    [InlineData("\\u{3c}i", "<i")]
    [InlineData("＜ｓｃｒｉｐｔ＞", "<script>")]
    [InlineData("%26lt%3Bscript%26gt%3B", "<script>")]
    [InlineData("%c1%af", "/")]
    [InlineData("%c0%9c", "\\")]
    [InlineData("%25c1%25afetc", "/etc")]
    [InlineData("%f8%80%80%80%af", "/")]
    [InlineData("%fc%80%80%80%80%ae", ".")]
    [InlineData("%f0%80%80%af", "/")]
    [InlineData("admin')+or+('1'='1", "admin') or ('1'='1")]
    [InlineData("1+union+select+%2B1", "1 union select +1")]
    [InlineData("%26+ping+-n+30+127.0.0.1+%26", "& ping -n 30 127.0.0.1 &")]
    public void Canonicalize_DecodesNestedEncodings(string raw, string expected)
    {
        Assert.Equal(expected, ValueCanonicalizer.Canonicalize(raw));
    }

    [Theory]
    [InlineData("O'Brien & Sons")]
    [InlineData("100% cotton")]
    [InlineData("C:\\new\\table")]
    [InlineData("plain text")]
    [InlineData("ends with %")]
    [InlineData("%u")]
    [InlineData("trailing \\")]
    [InlineData("&")]
    [InlineData("日本語のテキスト")]
    [InlineData("C++ and C#")]
    [InlineData("+353 1 555 0142")]
    [InlineData("W+eR/1ivB3zfEWGQ==")]
    [InlineData("7Z+IBx0l4BfUtIka")]
    [InlineData("caf\u00e9")]
    public void Canonicalize_LeavesOrdinaryTextAlone(string raw)
    {
        Assert.Equal(raw, ValueCanonicalizer.Canonicalize(raw));
    }

    // Valid UTF-8 of every length decodes to itself: the lenient readings are only for sequences no encoder writes.
    [Theory]
    [InlineData("%c3%a9", "\u00e9")]
    [InlineData("%e2%82%ac", "\u20ac")]
    [InlineData("%f0%9f%98%80", "\U0001F600")]
    public void Canonicalize_ValidUtf8_DecodesToItsCharacter(string raw, string expected)
    {
        Assert.Equal(expected, ValueCanonicalizer.Canonicalize(raw));
    }

    // A run of escapes is read as UTF-8 as a whole, however long; what is not UTF-8 falls back to Latin-1 byte by byte.
    [Theory]
    [InlineData("%ff%41", "\u00ffA")]
    [InlineData("%e2%82 and %e2%82%ac%e2", "\u00e2\u0082 and \u20ac\u00e2")]
    [InlineData("x%41%42%43y%44", "xABCyD")]
    public void Canonicalize_EscapeRuns_DecodeAsOneSequence(string raw, string expected)
    {
        Assert.Equal(expected, ValueCanonicalizer.Canonicalize(raw));
    }

    // Named references decode as WebUtility decodes them; an '&' before the reference stays as written.
    [Theory]
    [InlineData("&x&lt;b", "&x<b")]
    [InlineData("&amp&lt;", "&amp<")]
    [InlineData("caf&eacute; &eacute;t&eacute;", "caf\u00e9 \u00e9t\u00e9")]
    [InlineData("&ab&#60;", "&ab<")]
    [InlineData("&frac14; &sup2;", "1\u20444 2")]
    [InlineData("&#x1F600; &#128512", "\U0001F600 \U0001F600")]
    public void Canonicalize_HtmlReferences_DecodeAsWebUtilityDoes(string raw, string expected)
    {
        Assert.Equal(expected, ValueCanonicalizer.Canonicalize(raw));
    }

    [Theory]
    [InlineData("&zzz; and &lt1;")]
    [InlineData("&LT; &Amp;")]
    public void Canonicalize_UnknownReferences_StayAsWritten(string raw)
    {
        Assert.Equal(raw, ValueCanonicalizer.Canonicalize(raw));
    }

    [Fact]
    public void Canonicalize_LongEscapeRun_DecodesEveryByte()
    {
        var raw = string.Concat(Enumerable.Repeat("%e2%82%ac%41", 500));
        Assert.Equal(string.Concat(Enumerable.Repeat("\u20acA", 500)), ValueCanonicalizer.Canonicalize(raw));
    }

    [Fact]
    public void Canonicalize_DeepEncoding_StopsAfterMaxRounds()
    {
        var value = "<";
        for (var i = 0; i < 10; i++)
        {
            value = Uri.EscapeDataString(value);
        }

        Assert.NotEqual("<", ValueCanonicalizer.Canonicalize(value));
    }

    // A decoder that finds nothing to decode hands back the value itself: a long value with stray escape characters
    // (a & b, 100 %, C:\new) is neither copied nor rebuilt, and the rounds stop at a reference comparison.
    [Theory]
    [InlineData("a & b; c & d;")]
    [InlineData("100 % sure, 5 %zz")]
    [InlineData("C:\\new\\table and \\n")]
    [InlineData("&#; &#x; &q")]
    public void Decoders_ReturnTheSameInstance_WhenNothingDecodes(string raw)
    {
        Assert.Same(raw, ValueCanonicalizer.UrlDecode(raw));
        Assert.Same(raw, ValueCanonicalizer.HtmlDecode(raw));
        Assert.Same(raw, ValueCanonicalizer.UnescapeJavaScript(raw));
        Assert.Same(raw, ValueCanonicalizer.Canonicalize(raw));
        Assert.Null(ValueCanonicalizer.CanonicalizeCore(raw.AsSpan()));
    }

    // Escapes between plain runs, at both ends and back to back decode in place; the text around them is kept.
    [Theory]
    [InlineData("%2e%2e%2fetc", "../etc")]
    [InlineData("a%20b%", "a b%")]
    [InlineData("x&lt;y&#62;z&amp", "x<y>z&amp")]
    [InlineData("\\x3c\\u0073\\u{63}\\'", "<sc'")]
    [InlineData("a & b &lt; c", "a & b < c")]
    public void Decoders_DecodeEscapesAmongPlainText(string raw, string expected)
    {
        Assert.Equal(expected, ValueCanonicalizer.Canonicalize(raw));
    }
}
