using Azure.Data.Tables;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Render.Api;
using Orleans.Render.Api.Access;
using Orleans.Render.Api.Endpoints;
using Orleans.Render.Api.Http;
using Orleans.Render.Api.OpenApi;
using Orleans.Render.Storage;
using Orleans.Render.Telemetry;
using OpenTelemetry.Trace;
using Orleans.Render.Conventions;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOptions<RenderApiOptions>().Bind(builder.Configuration.GetSection(RenderApiOptions.Section))
    .ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<ManagementOptions>().Bind(builder.Configuration.GetSection(ManagementOptions.Section))
    .Validate(o => o.Keys.Count > 0 && o.Keys.All(k => k.Key.Length > 0 && k.Secret.Length >= 16),
        "Management:Keys needs at least one key with a secret of 16 or more characters.")
    .ValidateOnStart();
builder.Services.AddOptions<AssetApiOptions>().Bind(builder.Configuration.GetSection(AssetApiOptions.Section))
    .ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<ClusterClientOptions>().Bind(builder.Configuration.GetSection(ClusterClientOptions.Section))
    .ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddMediaStore(builder.Configuration);
builder.Services.AddApiInputLimits(builder.Configuration);
builder.Services.AddSingleton<BasicAuthenticationFilter>();
builder.Services.AddProjectAccess(builder.Configuration);
builder.Services.AddSingleton<GrainCallRetry>();
builder.Services.AddApiCors(builder.Configuration);
builder.Services.AddApiReference();
builder.Services.AddRenderTelemetry(builder.Configuration, "orleans-render-api", t => t.AddAspNetCoreInstrumentation());

// The client finds the silos' gateways in the same membership table the silos write, so silos may come and go.
var storage = builder.Configuration.GetConnectionString("AzureStorage");
if (string.IsNullOrWhiteSpace(storage))
{
    throw new InvalidOperationException("ConnectionStrings:AzureStorage is required (UseDevelopmentStorage=true for Azurite).");
}

var clientOptions = builder.Configuration.GetSection(ClusterClientOptions.Section).Get<ClusterClientOptions>() ?? new ClusterClientOptions();
builder.Services.AddSingleton(new StorageProbe(storage));
builder.UseOrleansClient(client =>
{
    client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (ClusterDefaults.ClusterId, ClusterDefaults.ServiceId));
    client.Configure<ClusterOptions>(builder.Configuration.GetSection(ClusterDefaults.Section));
    client.UseAzureStorageClustering(o => o.TableServiceClient = new TableServiceClient(storage));
    // A dead gateway is dropped when its connection fails; the refresh brings the list in line with the membership
    // table within seconds instead of Orleans' minute, so the client stops retrying gateways the silos declared dead.
    client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = clientOptions.GatewayListRefreshPeriod);
    client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = clientOptions.ResponseTimeout);
    client.AddDashboard();
    client.AddActivityPropagation();
});

var app = builder.Build();
app.UseMiddleware<ErrorHandlingMiddleware>();
app.UseCors();
app.MapSystemEndpoints();
app.MapProjectEndpoints();
app.MapWebhookSecretEndpoints();
app.MapAssetEndpoints();
app.MapRenderEndpoints();
app.MapDeliveryEndpoints();
app.MapPlaygroundEndpoints();
app.MapDirectRenderEndpoints();
app.MapBatchEndpoints();
app.MapManagementKeyEndpoints();
app.MapProjectAccessEndpoints();
app.MapApiReference();
app.MapOrleansDashboard("/dashboard").AddEndpointFilter<IEndpointConventionBuilder, BasicAuthenticationFilter>()
    .AddEndpointFilter<IEndpointConventionBuilder, AdminOnlyFilter>().RequireCors(ApiCors.ManagementPolicy).ExcludeFromDescription();
// "{*path}": the default fallback pattern skips paths whose last segment has a dot, which then answered an empty 404.
app.MapFallback("{*path}", () => ApiErrors.NotFound("not_found", "There is no such endpoint."));
app.Run();
