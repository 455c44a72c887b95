using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using ServerlessShield;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
// After ConfigureFunctionsWebApplication, so the shield runs inside the worker's HTTP proxying middleware.
builder.UseServerlessShieldAspNetCore();
builder.Build().Run();
