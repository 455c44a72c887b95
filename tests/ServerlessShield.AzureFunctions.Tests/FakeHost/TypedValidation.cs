using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FluentValidation;

namespace ServerlessShield.AzureFunctions.Tests.FakeHost;

/// <summary>The payload type and validator of <see cref="SyntheticFunctions.OnValidatedServiceBusMessage"/>.</summary>
public static class TypedValidation
{
    public static JsonTypeInfo<Order> OrderType { get; } = (JsonTypeInfo<Order>)JsonSerializerOptions.Web.GetTypeInfo(typeof(Order));

    public sealed class Order
    {
        public string? OrderId { get; set; }

        public int Quantity { get; set; }
    }

    public sealed class OrderValidator : AbstractValidator<Order>
    {
        public OrderValidator()
        {
            RuleFor(o => o.OrderId).NotEmpty();
            RuleFor(o => o.Quantity).InclusiveBetween(1, 100);
        }
    }
}
