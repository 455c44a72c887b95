using Microsoft.Azure.Functions.Worker.Converters;

namespace ServerlessShield.AzureFunctions;

// Registered first among the worker's input converters: it converts nothing, it only notes the source of each
// conversion of a shielded invocation, so the shield inspects what the host delivered rather than the object the
// function receives. Converters that a binding attribute advertises (SDK types such as BlobClient, CloudEvent,
// ServiceBusReceivedMessage) run before the registered ones; their sources are not seen here.
internal sealed class RawInputCaptureConverter : IInputConverter
{
    public ValueTask<ConversionResult> ConvertAsync(ConverterContext context)
    {
        RawInputCapture.Of(context.FunctionContext)?.Add(context.TargetType, context.Source);
        return new ValueTask<ConversionResult>(ConversionResult.Unhandled());
    }
}
