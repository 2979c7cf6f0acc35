//! How fast an oversize file is refused: the size cap must answer from the
//! file's metadata, before reading a byte (issue 14). A 1 GB sparse file and a
//! 100 MB one are made once in a temp dir.

use criterion::{Criterion, criterion_group, criterion_main};

fn refuse(c: &mut Criterion) {
    let Ok(dir) = tempfile::tempdir() else {
        eprintln!("skipped: no temp dir");
        return;
    };
    for (name, size) in [
        ("sparse-1gb.txt", 1u64 << 30),
        ("big-100mb.txt", 100_000_000),
    ] {
        let path = dir.path().join(name);
        let made = std::fs::File::create(&path).and_then(|f| f.set_len(size));
        if let Err(e) = made {
            eprintln!("skipped {name}: {e}");
            continue;
        }
        c.bench_function(&format!("refuse {name}"), |b| {
            b.iter(|| lede::article::load_path(&path).is_err());
        });
    }
}

criterion_group!(benches, refuse);
criterion_main!(benches);
