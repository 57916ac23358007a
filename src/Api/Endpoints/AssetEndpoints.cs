using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Orleans.Render.Api.Contracts;
using Orleans.Render.Api.Http;
using Orleans.Render.Api.OpenApi;
using Orleans.Render.Models;
using Orleans.Render.Storage;
using Orleans.Render.Conventions;

namespace Orleans.Render.Api.Endpoints;

/// <summary>
/// Project assets (impossible.io Project API §1.7): images, fonts, videos and audio a movie names by asset name. The
/// body is streamed to a staging object; the project grain checks the content on a silo and keeps it or says why not.
/// </summary>
public static class AssetEndpoints
{
    public static void MapAssetEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1").AddEndpointFilter<BasicAuthenticationFilter>().RequireCors(ApiCors.ManagementPolicy)
            .WithTags("Assets").ProducesErrors(StatusCodes.Status401Unauthorized);

        group.MapMethods("/data/{project}/{name}", ["PUT", "POST"], PutAsync)
            .WithSummary("Upload an image, font, video, audio file or .cube LUT")
            .DocumentsBody<Stream>(optional: false, "application/octet-stream", "image/png", "image/jpeg", "font/ttf", "video/mp4", "audio/mpeg")
            .Produces<AssetFacts>().ProducesErrors(400, 404, 413, 422);

        group.MapGet("/data/{project}/{name}", async (string project, string name, HttpContext http, IClusterClient client, IMediaStore media) =>
        {
            var grain = await ProjectEndpoints.FindProjectAsync(client, project);
            if (grain is null)
            {
                return ProjectEndpoints.UnknownProject(project);
            }

            var asset = Names.IsValidAssetName(name) ? await grain.GetAssetAsync(name) : null;
            var stored = asset is null ? null : await media.GetAsync(MediaKeys.Asset(project, name), http.RequestAborted);
            if (asset is null || stored is null)
            {
                return UnknownAsset(name);
            }

            var stream = await media.OpenReadAsync(stored.Key, http.RequestAborted);
            return Results.File(
                stream, asset.ContentType, lastModified: stored.LastModified, entityTag: new EntityTagHeaderValue(stored.ETag), enableRangeProcessing: true);
        }).WithSummary("Download an asset (ranges supported)").ProducesFile(["application/octet-stream"]).ProducesErrors(404);

        group.MapDelete("/data/{project}/{name}", async (string project, string name, IClusterClient client) =>
        {
            var grain = await ProjectEndpoints.FindProjectAsync(client, project);
            if (grain is null)
            {
                return ProjectEndpoints.UnknownProject(project);
            }

            return Names.IsValidAssetName(name) && await grain.DeleteAssetAsync(name) ? Results.Json(new AssetDeleted(name)) : UnknownAsset(name);
        }).WithSummary("Delete an asset").Produces<AssetDeleted>().ProducesErrors(404);

        group.MapGet("/list/data/{project}", async (string project, IClusterClient client) =>
        {
            var grain = await ProjectEndpoints.FindProjectAsync(client, project);
            if (grain is null)
            {
                return ProjectEndpoints.UnknownProject(project);
            }

            var assets = await grain.ListAssetsAsync();
            string[] Named(string kind) => [.. assets.Where(a => a.Kind == kind).Select(a => a.Name)];
            return Results.Json(new AssetList(
                assets.ToDictionary(a => a.Name, a => AssetFacts.Of(a)), Named("image"), Named("font"), Named("video"), Named("audio"), [], Named("lut")));
        }).WithSummary("List a project's assets").Produces<AssetList>().ProducesErrors(404);
    }

    private static async Task<IResult> PutAsync(
        string project, string name, HttpRequest request, IClusterClient client, IMediaStore media, IOptions<AssetApiOptions> options)
    {
        var grain = await ProjectEndpoints.FindProjectAsync(client, project);
        if (grain is null)
        {
            return ProjectEndpoints.UnknownProject(project);
        }

        if (!Names.IsValidAssetName(name))
        {
            return ApiErrors.BadRequest(
                "invalid_name", "An asset name is 1–100 letters, digits, '_', '-' or '.', starts with a letter or digit and has no '..'.");
        }

        var maxBytes = options.Value.MaxBytes;
        if (request.ContentLength > maxBytes)
        {
            return TooLarge(maxBytes);
        }

        // The limit is ours (Assets:MaxBytes), not Kestrel's default of 30 MB.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        var local = Path.Combine(Path.GetTempPath(), $"asset-upload-{Guid.NewGuid():N}");
        var staging = MediaKeys.StagedAsset();
        try
        {
            long size = 0;
            await using (var file = File.Create(local))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                    {
                        return TooLarge(maxBytes);
                    }

                    await file.WriteAsync(buffer.AsMemory(0, read), request.HttpContext.RequestAborted);
                }
            }

            if (size == 0)
            {
                return ApiErrors.Error(StatusCodes.Status422UnprocessableEntity, "asset_empty", "The asset body is empty.");
            }

            await media.PutFileAsync(staging, local, request.HttpContext.RequestAborted);
            var result = await grain.PutAssetAsync(name, staging, request.ContentType);
            if (result.Asset is null)
            {
                return ApiErrors.Error(
                    result.ErrorCode == "asset_too_large" ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status422UnprocessableEntity,
                    result.ErrorCode!,
                    result.Message!);
            }

            return Results.Json(AssetFacts.Of(result.Asset, resourceName: name));
        }
        finally
        {
            File.Delete(local);
            await media.DeleteAsync(staging, CancellationToken.None);
        }
    }

    private static IResult TooLarge(long maxBytes) =>
        ApiErrors.Error(StatusCodes.Status413PayloadTooLarge, "asset_too_large", $"The asset is larger than {maxBytes} bytes (Assets:MaxBytes).");

    private static IResult UnknownAsset(string name) =>
        ApiErrors.NotFound("unknown_asset", $"There is no asset '{(name.Length <= 100 ? name : name[..100] + "…")}' in this project.");
}
