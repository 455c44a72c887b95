namespace ServerlessShield;

/// <summary>Adds payload inspection to a shield pipeline.</summary>
public static class PayloadInspectionPipelineBuilderExtensions
{
    /// <summary>Adds the payload inspection middleware: limits (<c>SHIELD2xxx</c>) and injection detection (<c>SHIELD1xxx</c>).</summary>
    /// <param name="builder">The pipeline builder.</param>
    /// <param name="scanner">The detectors to run; null runs every built-in detector.</param>
    /// <param name="html">Cleans fields that allow HTML in Sanitize mode.</param>
    /// <returns>The builder.</returns>
    public static ShieldPipelineBuilder AddPayloadInspection(this ShieldPipelineBuilder builder, InjectionScanner? scanner = null, IHtmlFieldSanitizer? html = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(new PayloadInspectionMiddleware(scanner, html));
    }
}
