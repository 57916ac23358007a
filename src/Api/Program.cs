using Orleans.Configuration;
using Orleans.Render.Api;
using Orleans.Render.Api.Endpoints;
using Orleans.Render.Api.Http;
using Orleans.Render.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOptions<RenderApiOptions>().Bind(builder.Configuration.GetSection(RenderApiOptions.Section))
    .ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<ManagementOptions>().Bind(builder.Configuration.GetSection(ManagementOptions.Section))
    .Validate(o => o.Keys.Count > 0 && o.Keys.All(k => k.Key.Length > 0 && k.Secret.Length >= 16),
        "Management:Keys needs at least one key with a secret of 16 or more characters.")
    .ValidateOnStart();
builder.Services.AddMediaStore(builder.Configuration);
builder.Services.AddSingleton<BasicAuthenticationFilter>();

var gatewayPort = builder.Configuration.GetValue(RenderApiOptions.Section + ":GatewayPort", 30000);
builder.UseOrleansClient(client =>
{
    client.UseLocalhostClustering(gatewayPort, serviceId: "orleans-render", clusterId: "render");
    client.Configure<ClusterOptions>(o =>
    {
        o.ClusterId = "render";
        o.ServiceId = "orleans-render";
    });
});

var app = builder.Build();
app.UseMiddleware<ErrorHandlingMiddleware>();
app.MapSystemEndpoints();
app.MapProjectEndpoints();
app.MapRenderEndpoints();
app.MapFallback(() => ApiErrors.NotFound("not_found", "There is no such endpoint."));
app.Run();
