namespace ServerlessShield;

/// <summary>A change to the default pipeline, registered in dependency injection and applied when the engine is built.</summary>
/// <param name="configure">Adds or inserts middlewares.</param>
public sealed class ShieldPipelineConfiguration(Action<ShieldPipelineBuilder> configure)
{
    /// <summary>Applies the change.</summary>
    /// <param name="builder">The pipeline builder.</param>
    public void Configure(ShieldPipelineBuilder builder) => configure(builder);
}
