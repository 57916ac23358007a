using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Orleans.Render.Api.Http;
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
        var group = app.MapGroup("/v1").AddEndpointFilter<BasicAuthenticationFilter>().RequireCors(ApiCors.ManagementPolicy);

        group.MapMethods("/data/{project}/{name}", ["PUT", "POST"], PutAsync);

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
        });

        group.MapDelete("/data/{project}/{name}", async (string project, string name, IClusterClient client) =>
        {
            var grain = await ProjectEndpoints.FindProjectAsync(client, project);
            if (grain is null)
            {
                return ProjectEndpoints.UnknownProject(project);
            }

            return Names.IsValidAssetName(name) && await grain.DeleteAssetAsync(name) ? ProjectEndpoints.Deleted("Resource-Name", name) : UnknownAsset(name);
        });

        group.MapGet("/list/data/{project}", async (string project, IClusterClient client) =>
        {
            var grain = await ProjectEndpoints.FindProjectAsync(client, project);
            if (grain is null)
            {
                return ProjectEndpoints.UnknownProject(project);
            }

            var assets = await grain.ListAssetsAsync();
            string[] Named(string kind) => [.. assets.Where(a => a.Kind == kind).Select(a => a.Name)];
            return Results.Json(new Dictionary<string, object>
            {
                ["Metadata"] = assets.ToDictionary(a => a.Name, Describe),
                ["Images"] = Named("image"),
                ["Fonts"] = Named("font"),
                ["Videos"] = Named("video"),
                ["Audios"] = Named("audio"),
                ["Datasources"] = Array.Empty<string>(),
                ["Generic"] = Named("lut"),
            });
        });
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

            var body = new Dictionary<string, object?>(Describe(result.Asset)) { ["Resource-Name"] = name };
            return Results.Json(body);
        }
        finally
        {
            File.Delete(local);
            await media.DeleteAsync(staging, CancellationToken.None);
        }
    }

    /// <summary>An asset's facts as the API shows them; fields that do not apply to its kind are left out.</summary>
    private static Dictionary<string, object?> Describe(AssetInfo asset)
    {
        var facts = new Dictionary<string, object?>
        {
            ["name"] = asset.Name,
            ["kind"] = asset.Kind,
            ["contentType"] = asset.ContentType,
            ["size"] = asset.Size,
            ["sha256"] = asset.Sha256,
            ["uploaded"] = asset.UploadedAt,
        };
        if (asset.Width is { } width)
        {
            facts["width"] = width;
            facts["height"] = asset.Height;
        }

        if (asset.DurationSeconds is { } duration)
        {
            facts["duration"] = Math.Round(duration, 3);
        }

        if (asset.FontFamily is { } family)
        {
            facts["family"] = family;
        }

        return facts;
    }

    private static IResult TooLarge(long maxBytes) =>
        ApiErrors.Error(StatusCodes.Status413PayloadTooLarge, "asset_too_large", $"The asset is larger than {maxBytes} bytes (Assets:MaxBytes).");

    private static IResult UnknownAsset(string name) =>
        ApiErrors.NotFound("unknown_asset", $"There is no asset '{(name.Length <= 100 ? name : name[..100] + "…")}' in this project.");
}
