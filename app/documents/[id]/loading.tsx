import { Bone, HeadBones, LoadingFrame } from "@/app/components/Skeleton";

export default function DocumentLoading() {
  return (
    <LoadingFrame label="Loading document">
      <HeadBones crumb={160} title="min(520px, 90%)" />
      <div className="stack">
        <div className="card">
          <Bone style={{ height: 90 }} />
        </div>
        <div className="card">
          {[100, 96, 98, 70, 0, 100, 92, 60].map((width, i) => (
            <Bone key={i} style={{ width: `${width}%`, height: width ? 16 : 8, marginBottom: 10, opacity: width ? 1 : 0 }} />
          ))}
        </div>
      </div>
    </LoadingFrame>
  );
}
