using Orleans.Render.Models.Uploads;

namespace Orleans.Render.Grains.Tests;

/// <summary>A destination type no silo has an uploader for, as a deployment that forgot one would meet.</summary>
[GenerateSerializer, Immutable, Alias("render.tests.UnregisteredDestination")]
public sealed record UnregisteredDestination([property: Id(0)] string Loft) : UploadDestination
{
    public const string TypeName = "carrier-pigeon";

    public override string Type => TypeName;

    public override UploadDestination WithoutCredentials() => this;
}
