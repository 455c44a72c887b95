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
    public void Canonicalize_LeavesOrdinaryTextAlone(string raw)
    {
        Assert.Equal(raw, ValueCanonicalizer.Canonicalize(raw));
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
}
