using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Runtime.MembershipService.SiloMetadata;

namespace Orleans.Render.Grains.Placement;

public static class RenderPlacementSiloBuilderExtensions
{
    /// <summary>Publishes the pools this silo serves and registers the placement that keeps segments inside their pool.</summary>
    public static ISiloBuilder AddRenderPools(this ISiloBuilder silo, IEnumerable<string> pools)
    {
        silo.UseSiloMetadata(new Dictionary<string, string> { [RenderPools.MetadataKey] = string.Join(',', pools) });
        silo.Services.AddSingleton<RenderPools>();
        silo.AddPlacementDirector<RenderPoolPlacement, RenderPoolPlacementDirector>();
        return silo;
    }
}
