namespace ServerlessShield.Tests.Inspection.Detectors;

public class TemplateInjectionDetectorTests
{
    private static readonly InjectionScanner Scanner = new([new TemplateInjectionDetector()]);

    [Theory]
    [InlineData("{{ 6*9 }}")]
    [InlineData("Hi {{8+8}}")]
    [InlineData("${ 12*12 }")]
    [InlineData("#{5*'5'}")]
    [InlineData("<%= 3 * 3 %>")]
    [InlineData("*{9*9}")]
    [InlineData("@(4*4)")]
    [InlineData("[[${2*2}]]")]
    [InlineData("{{=9*9}}")]
    [InlineData("{{ config }}")]
    [InlineData("{{ settings.SECRET_KEY }}")]
    [InlineData("{{ \"\".__class__.__base__ }}")]
    [InlineData("{{ cycler['__init__'] }}")]
    [InlineData("{{ url_for.__globals__.os.environ }}")]
    [InlineData("{{ items|map('upper')|list }}")]
    [InlineData("${T(java.lang.System).getenv()}")]
    [InlineData("${\"x\".getClass().forName(\"java.lang.Runtime\")}")]
    [InlineData("<#assign cmd = \"freemarker.template.utility.Execute\"?new()>${cmd(\"uname\")}")]
    [InlineData("${\"a\"?upper_case}")]
    [InlineData("#set($r = $x.class.forName(\"java.lang.Runtime\"))")]
    [InlineData("$class.inspect(\"java.lang.System\")")]
    [InlineData("{% import subprocess %}")]
    [InlineData("{%- for k in range(3) -%}x{% endfor %}")]
    [InlineData("{{#each items}}{{/each}}")]
    [InlineData("<% `whoami` %>")]
    [InlineData("<%= IO.popen('uname').read %>")]
    [InlineData("#{ %x(uname) }")]
    [InlineData("{php}phpinfo();{/php}")]
    [InlineData("{$smarty.now}")]
    [InlineData("{{ constructor.constructor('return 1')() }}")]
    [InlineData("{{.}}")]
    [InlineData("%7B%7B7*7%7D%7D")]
    [InlineData("&#123;&#123;7*7&#125;&#125;")]
    public void IsMatch_TemplateExpressions_AreDetected(string value) =>
        Assert.NotEmpty(Scanner.Scan(value));

    [Theory]
    [InlineData("Dear {{first_name}}, your order shipped")]
    [InlineData("{{ product.title|upper }}")]
    [InlineData("Hello #{user}")]
    [InlineData("<%=headline%>")]
    [InlineData("echo \"${items[2]}\" and ${HOME:-/root}")]
    [InlineData("Price ${price} incl. VAT")]
    [InlineData("{\"a\": 1, \"b\": {\"c\": 2}}")]
    [InlineData("*{margin:0;padding:0}")]
    [InlineData("See [[Main Page]] on the wiki")]
    [InlineData("Growth was 5<% of sales")]
    [InlineData("Tag #set aside for #if later")]
    [InlineData("{% $TOTAL|CURRENCY:'%.2f' %}")]
    [InlineData("Use $scope.apply() after the update")]
    [InlineData("a = {x: 7*7}")]
    [InlineData("C# string: $\"{a} {b}\"")]
    public void IsMatch_OrdinaryValues_AreNotDetected(string value) =>
        Assert.Empty(Scanner.Scan(value));

    [Theory]
    [InlineData("{{", 1 << 19)]
    [InlineData("${", 1 << 19)]
    [InlineData("{%", 1 << 19)]
    [InlineData("<%", 1 << 19)]
    [InlineData("$a.", 1 << 18)]
    [InlineData("'", 1 << 20)]
    [InlineData("#{(", 1 << 18)]
    public void IsMatch_PathologicalInput_Completes(string unit, int count) =>
        _ = new TemplateInjectionDetector().IsMatch(string.Concat(Enumerable.Repeat(unit, count)));
}
