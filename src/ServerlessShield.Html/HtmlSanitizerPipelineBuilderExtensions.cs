namespace ServerlessShield;

/// <summary>Wires HtmlSanitizer into a shield pipeline.</summary>
public static class HtmlSanitizerPipelineBuilderExtensions
{
    /// <summary>Cleans fields that allow HTML with HtmlSanitizer (replaces the pipeline's payload inspection with one that uses it).</summary>
    /// <param name="builder">The pipeline builder.</param>
    /// <param name="sanitizer">The sanitizer; null uses HtmlSanitizer's defaults.</param>
    /// <returns>The builder.</returns>
    public static ShieldPipelineBuilder UseHtmlSanitizer(this ShieldPipelineBuilder builder, HtmlSanitizerFieldSanitizer? sanitizer = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Replace<PayloadInspectionMiddleware>(new PayloadInspectionMiddleware(null, sanitizer ?? new HtmlSanitizerFieldSanitizer()));
    }
}
