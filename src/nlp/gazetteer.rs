//! Name, place and organization lists shipped under `assets/gazetteers/`.
