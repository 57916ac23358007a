using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Serialization;

namespace Orleans.Render.Grains.Tokens;

public static class TokenLedgerServiceCollectionExtensions
{
    /// <summary>The silo's <see cref="TokenLedger"/>, on the Azure Table service of <paramref name="tables"/> (its options: <see cref="GrainServiceCollectionExtensions.AddRenderGrainServices"/>).</summary>
    public static IServiceCollection AddRenderTokenLedger(this IServiceCollection services, TableServiceClient tables) =>
        services.AddSingleton(sp => new TokenLedger(
            tables, sp.GetRequiredService<Serializer<TokenRecord>>(), sp.GetRequiredService<IOptions<TokenLedgerOptions>>()));
}
