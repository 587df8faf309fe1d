"""Files the assistant ships or depends on, read and verified at the edge: the sentence encoder
(graph in this folder, weights from the pinned model package, checked by SHA-256) and the trained
heads. IO: imports the domain only; the pure core receives what these load."""
