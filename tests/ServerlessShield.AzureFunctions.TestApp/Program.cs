using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using ServerlessShield;

var builder = FunctionsApplication.CreateBuilder(args);
builder.UseServerlessShield();
builder.Build().Run();
