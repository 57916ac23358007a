namespace Orleans.Render.Grains.Uploads;

/// <summary>Stops a silo from starting when a destination type the API accepts has no uploader (or several).</summary>
public sealed class UploadersCheck(Uploaders uploaders) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(UploadersCheck), ServiceLifecycleStage.First, _ => uploaders.Problems.Count == 0
            ? Task.CompletedTask
            : throw new InvalidOperationException($"Upload destinations: {string.Join(" ", uploaders.Problems)}"));
}
