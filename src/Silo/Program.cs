using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using System.Net;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Orleans.Configuration;
using Orleans.Render.Grains;
using Orleans.Render.Grains.Placement;
using Orleans.Render.Silo;

var builder = Host.CreateApplicationBuilder(args);
var hosting = builder.Configuration.GetSection(SiloHostingOptions.Section).Get<SiloHostingOptions>() ?? new SiloHostingOptions();
hosting.StorageConnectionString = builder.Configuration.GetConnectionString("AzureStorage") ?? "";
var problems = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
if (!System.ComponentModel.DataAnnotations.Validator.TryValidateObject(hosting, new(hosting), problems, validateAllProperties: true))
{
    throw new InvalidOperationException(string.Join(" ", problems.Select(p => p.ErrorMessage)));
}

builder.Services.AddRenderGrainServices(builder.Configuration);
builder.UseOrleans(silo =>
{
    silo.UseLocalhostClustering(hosting.SiloPort, hosting.GatewayPort);
    silo.Configure<ClusterOptions>(o =>
    {
        o.ClusterId = "render";
        o.ServiceId = "orleans-render";
    });
    silo.Configure<EndpointOptions>(o => o.AdvertisedIPAddress = IPAddress.Loopback);
    silo.AddAzureBlobGrainStorage(GrainStorage.Name, o => o.BlobServiceClient = new BlobServiceClient(hosting.StorageConnectionString));
    silo.UseAzureTableReminderService(o => o.TableServiceClient = new TableServiceClient(hosting.StorageConnectionString));
    silo.AddRenderPools(hosting.Pools);
});

await builder.Build().RunAsync();
