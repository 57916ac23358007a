using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Render.Grains;
using Orleans.Render.Grains.Placement;
using Orleans.Render.Grains.Tokens;
using Orleans.Render.Silo;
using Orleans.Render.Telemetry;
using Orleans.Render.Conventions;

var builder = Host.CreateApplicationBuilder(args);
var hosting = builder.Configuration.GetSection(SiloHostingOptions.Section).Get<SiloHostingOptions>() ?? new SiloHostingOptions();
hosting.StorageConnectionString = builder.Configuration.GetConnectionString("AzureStorage") ?? "";
var problems = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
if (!System.ComponentModel.DataAnnotations.Validator.TryValidateObject(hosting, new(hosting), problems, validateAllProperties: true))
{
    throw new InvalidOperationException(string.Join(" ", problems.Select(p => p.ErrorMessage)));
}

// SIGTERM and Ctrl-C stop the host; the silo then deactivates its grains and leaves the membership table.
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = hosting.ShutdownTimeout);
builder.Services.AddRenderGrainServices(builder.Configuration);
builder.Services.AddRenderTokenLedger(new TableServiceClient(hosting.StorageConnectionString));
builder.Services.AddRenderTelemetry(builder.Configuration, "orleans-render-silo");
builder.UseOrleans(silo =>
{
    silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (ClusterDefaults.ClusterId, ClusterDefaults.ServiceId));
    silo.Configure<ClusterOptions>(builder.Configuration.GetSection(ClusterDefaults.Section));
    silo.UseAzureStorageClustering(o => o.TableServiceClient = new TableServiceClient(hosting.StorageConnectionString));
    silo.ConfigureEndpoints(hosting.AdvertisedIPAddress, hosting.SiloPort, hosting.GatewayPort);
    // Orleans' defaults unless Silo:Membership sets keys (e.g. a faster ProbeTimeout on a development machine).
    silo.Configure<ClusterMembershipOptions>(builder.Configuration.GetSection(SiloHostingOptions.Section + ":Membership"));
    silo.AddAzureBlobGrainStorage(GrainStorage.Name, o => o.BlobServiceClient = new BlobServiceClient(hosting.StorageConnectionString));
    silo.UseAzureTableReminderService(o => o.TableServiceClient = new TableServiceClient(hosting.StorageConnectionString));
    silo.AddRenderPools(hosting.Pools);
    silo.AddActivityPropagation();
    if (hosting.Dashboard)
    {
        silo.AddDashboard();
    }
});

await builder.Build().RunAsync();
